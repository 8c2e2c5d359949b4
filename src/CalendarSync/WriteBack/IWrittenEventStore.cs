namespace PresenceBot.CalendarSync.WriteBack;

/// <summary>The events PresenceBot wrote (the host's storage), as the calendar sync needs them to know its own.</summary>
public interface IWrittenEventStore
{
    /// <summary>
    /// The person's written events with one of <paramref name="eventIds"/> or <paramref name="referralIds"/>, and those
    /// still active without an event id (a create under way, or one whose answer was lost).
    /// </summary>
    Task<IReadOnlyList<WrittenEvent>> FindAsync(
        string personId, IReadOnlyCollection<string> eventIds, IReadOnlyCollection<Guid> referralIds, CancellationToken cancellationToken);

    /// <summary>Records the event id of a create whose answer was lost (found by its mark).</summary>
    Task AdoptAsync(Guid referralId, string eventId, CancellationToken cancellationToken);

    /// <summary>Hands the events over to the person: never written again, read like any booking.</summary>
    Task ReleaseAsync(IReadOnlyCollection<Guid> referralIds, CancellationToken cancellationToken);
}
