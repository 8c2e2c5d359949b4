namespace PresenceBot.CalendarSync.Coordination;

/// <summary>
/// "Only one should do this at a time", across every instance that shares the database: reconciling subscriptions,
/// a round of group reads. Held until the returned handle is disposed; waits while another holder has it.
/// </summary>
public interface IClusterLock
{
    Task<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken);
}
