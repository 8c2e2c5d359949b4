namespace PresenceBot.CalendarSync.Membership;

/// <summary>
/// Hands the organisation the members stored for every group. It is the only way members get there: the job stores
/// what it read and then publishes, and every instance publishes on its own timer, so all instances end up with
/// what the last stored round read, whichever instance ran it. One publish at a time, each from a fresh load, so
/// an older load can never be published after a newer one.
/// </summary>
internal sealed class GroupMembershipPublisher(IGroupMembershipStateStore store, IGroupMembershipSink sink) : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var states = await store.LoadAllAsync(cancellationToken).ConfigureAwait(false);
            sink.Publish(states.ToDictionary(s => s.GroupId, s => s.Members, StringComparer.OrdinalIgnoreCase));
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();
}
