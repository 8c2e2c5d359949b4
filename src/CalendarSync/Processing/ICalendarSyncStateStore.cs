namespace PresenceBot.CalendarSync.Processing;

public interface ICalendarSyncStateStore
{
    Task<CalendarSyncState?> GetAsync(string personId, CancellationToken cancellationToken);

    Task SaveAsync(CalendarSyncState state, CancellationToken cancellationToken);

    Task DeleteAsync(string personId, CancellationToken cancellationToken);

    /// <summary>Everyone whose calendar has been read at least once.</summary>
    Task<IReadOnlySet<string>> SyncedPeopleAsync(CancellationToken cancellationToken);
}
