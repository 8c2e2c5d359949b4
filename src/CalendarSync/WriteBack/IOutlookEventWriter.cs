namespace PresenceBot.CalendarSync.WriteBack;

/// <summary>
/// Writes PresenceBot's own events into a person's Outlook calendar (Graph, application permission Calendars.ReadWrite).
/// A write to an existing event names the version it means (its change key, sent as <c>If-Match</c>), so it never
/// overwrites what the person changed meanwhile.
/// </summary>
public interface IOutlookEventWriter
{
    /// <summary>
    /// Creates the event, marked as ours with its referral's id and with <paramref name="transactionId"/> (the same on
    /// every retry of one create, <see cref="WriteBackMarker.TransactionIdOf"/>), so a create repeated after a lost
    /// answer gets the event the first one made instead of a second.
    /// </summary>
    Task<EventVersion> CreateAsync(string personId, WriteBackEvent written, string transactionId, CancellationToken cancellationToken);

    /// <summary>Moves, shortens or re-words the event if it is still at <paramref name="changeKey"/>.</summary>
    Task<EventWrite> UpdateAsync(string personId, string eventId, string changeKey, WriteBackEvent written, CancellationToken cancellationToken);

    /// <summary>Deletes the event if it is still at <paramref name="changeKey"/>.</summary>
    Task<EventWriteOutcome> DeleteAsync(string personId, string eventId, string changeKey, CancellationToken cancellationToken);

    /// <summary>The event as it is now; null when it no longer exists.</summary>
    Task<EventVersion?> ReadAsync(string personId, string eventId, CancellationToken cancellationToken);

    /// <summary>The id of the event marked with <paramref name="referralId"/>, if one exists (a create whose answer was lost).</summary>
    Task<string?> FindAsync(string personId, Guid referralId, CancellationToken cancellationToken);

    /// <summary>The referral id an event is marked with; null when it carries no mark of ours or is gone.</summary>
    Task<Guid?> MarkOfAsync(string personId, string eventId, CancellationToken cancellationToken);
}
