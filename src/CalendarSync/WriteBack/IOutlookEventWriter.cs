namespace PresenceBot.CalendarSync.WriteBack;

/// <summary>Writes PresenceBot's own events into a person's Outlook calendar (Graph, application permission Calendars.ReadWrite).</summary>
public interface IOutlookEventWriter
{
    /// <summary>Creates the event, marked as ours with its referral's id; returns Graph's event id.</summary>
    Task<string> CreateAsync(string personId, WriteBackEvent written, CancellationToken cancellationToken);

    /// <summary>Moves, shortens or re-words the event; false when it no longer exists (the person deleted it).</summary>
    Task<bool> UpdateAsync(string personId, string eventId, WriteBackEvent written, CancellationToken cancellationToken);

    /// <summary>Deletes the event; an event already gone counts as deleted.</summary>
    Task DeleteAsync(string personId, string eventId, CancellationToken cancellationToken);

    /// <summary>The id of the event marked with <paramref name="referralId"/>, if one exists (a create whose answer was lost).</summary>
    Task<string?> FindAsync(string personId, Guid referralId, CancellationToken cancellationToken);

    /// <summary>The referral id an event is marked with; null when it carries no mark of ours or is gone.</summary>
    Task<Guid?> MarkOfAsync(string personId, string eventId, CancellationToken cancellationToken);
}
