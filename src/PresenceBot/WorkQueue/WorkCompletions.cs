namespace PresenceBot.WorkQueue;

/// <summary>
/// Group commit for finished runs: a run that ends while an earlier completion is being written waits for the next
/// write, which records every run that ended meanwhile (all kinds) in one transaction. Alone, a completion is written at
/// once; under load, one commit serves many, which on SQLite's single writer is what decides how far the queue keeps up.
/// Should a batch fail (on PostgreSQL, say, a deadlock with another instance's batch), its items are tried one by one.
/// </summary>
internal sealed class WorkCompletions(WorkItemClaims claims)
{
    private readonly Lock _gate = new();
    private List<(WorkItem Item, TaskCompletionSource<bool> Done)> _pending = [];
    private bool _writing;

    /// <summary>Records <paramref name="item"/> as done (see <see cref="WorkItemClaims.CompleteAsync(WorkItem, CancellationToken)"/>); true when it went.</summary>
    public Task<bool> CompleteAsync(WorkItem item)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_gate)
        {
            _pending.Add((item, done));
            start = !_writing;
            _writing = true;
        }

        if (start)
        {
            _ = Task.Run(WriteAsync, CancellationToken.None);
        }

        return done.Task;
    }

    private async Task WriteAsync()
    {
        while (true)
        {
            List<(WorkItem Item, TaskCompletionSource<bool> Done)> batch;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    _writing = false;
                    return;
                }

                batch = _pending;
                _pending = [];
            }

            try
            {
                var gone = await claims.CompleteAsync(batch.ConvertAll(b => b.Item), CancellationToken.None).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.SetResult(gone[i]);
                }
            }
            catch (Exception) when (batch.Count > 1)
            {
                foreach (var (item, done) in batch)
                {
                    await OneAsync(item, done).ConfigureAwait(false);
                }
            }
            catch (Exception ex)
            {
                batch[0].Done.SetException(ex);
            }
        }
    }

    private async Task OneAsync(WorkItem item, TaskCompletionSource<bool> done)
    {
        try
        {
            done.SetResult(await claims.CompleteAsync(item, CancellationToken.None).ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            done.SetException(ex);
        }
    }
}
