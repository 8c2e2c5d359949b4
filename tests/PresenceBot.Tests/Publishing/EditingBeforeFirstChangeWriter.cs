using PresenceBot.CalendarSync.WriteBack;

namespace PresenceBot.Tests.Publishing;

/// <summary>
/// The real writer, except that the person edits the event in Outlook (<paramref name="edit"/>) just before our first
/// change or delete of it reaches Graph: the write names a version that is no longer there.
/// </summary>
internal sealed class EditingBeforeFirstChangeWriter(IOutlookEventWriter inner, Func<string, string, Task> edit) : DelegatingEventWriter(inner)
{
    private int _edited;

    public override async Task<EventWrite> UpdateAsync(string personId, string eventId, string changeKey, WriteBackEvent written, CancellationToken cancellationToken)
    {
        await EditOnceAsync(personId, eventId);
        return await Inner.UpdateAsync(personId, eventId, changeKey, written, cancellationToken);
    }

    public override async Task<EventWriteOutcome> DeleteAsync(string personId, string eventId, string changeKey, CancellationToken cancellationToken)
    {
        await EditOnceAsync(personId, eventId);
        return await Inner.DeleteAsync(personId, eventId, changeKey, cancellationToken);
    }

    private Task EditOnceAsync(string personId, string eventId) => Interlocked.Exchange(ref _edited, 1) == 0 ? edit(personId, eventId) : Task.CompletedTask;

    /// <summary>The person moves the end of the event to 16.00 on Monday 2026-11-23.</summary>
    public static Func<string, string, Task> MovingEndTo16(IServiceProvider services) =>
        (person, eventId) => WriteBackHost.Graph(services).Calendars.UpdateEventAsync(
            person, eventId, new GraphStandIn.Calendars.EventDraft { End = new GraphStandIn.Calendars.DateTimeTimeZone("2026-11-23T16:00:00", Calendar.CalendarTestHost.Zone) }, CancellationToken.None);
}
