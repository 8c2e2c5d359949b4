namespace PresenceBot.CalendarSync.Processing;

/// <summary>Work the calendar coupling asks for: <paramref name="Id"/> is a person's id, or a subscription's for the subscription kinds.</summary>
public sealed record CalendarWork(CalendarWorkKind Kind, string Id)
{
    public static CalendarWork Reread(string personId, bool full = false) => new(full ? CalendarWorkKind.FullReread : CalendarWorkKind.Reread, personId);

    public bool IsReread => Kind is CalendarWorkKind.Reread or CalendarWorkKind.FullReread;
}
