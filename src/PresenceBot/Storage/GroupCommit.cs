namespace PresenceBot.Storage;

/// <summary>
/// Group commit: a write asked for while an earlier one is being written waits for the next, which writes everything
/// asked for meanwhile in one go. Alone, a write goes at once; under load one commit serves many, which on SQLite's
/// single writer is what decides how far the queue keeps up. Should a batch fail (on PostgreSQL, say, a deadlock with
/// another instance's batch), its items are written one by one, so only a bad item fails. A batch takes the SQLite write
/// turn as background work only when everyone in it asked as background work (<see cref="WriteTurns"/>): a webhook's
/// enqueue in a batch a work-queue run started still goes before the queue's runs. Used for the short writes that many
/// flows make at once: finished runs (<see cref="WorkQueue.WorkQueueWorker"/>), enqueues outside a change
/// (<see cref="WorkQueue.WorkItems"/>: the webhook's), a webhook message's record before it is sent
/// (<see cref="Publishing.PublishDeliveries"/>) and the write-back's record of each Outlook write
/// (<see cref="Publishing.WriteBack.EfWrittenEventStore"/>).
/// </summary>
/// <param name="write">Writes a batch in one transaction; one result per item, in order.</param>
internal sealed class GroupCommit<TItem, TResult>(Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> write)
{
    private readonly Lock _gate = new();
    private List<(TItem Item, TaskCompletionSource<TResult> Done, bool Background)> _pending = [];
    private bool _writing;

    /// <summary>Writes <paramref name="item"/> with whatever else is asked for meanwhile; its result when committed.</summary>
    public Task<TResult> WriteAsync(TItem item)
    {
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_gate)
        {
            _pending.Add((item, done, WriteTurns.IsBackground));
            start = !_writing;
            _writing = true;
        }

        if (start)
        {
            // The loop writes for everyone who asks meanwhile, so it must not carry its starter's context (its write priority).
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(WriteBatchesAsync, CancellationToken.None);
            }
        }

        return done.Task;
    }

    private async Task WriteBatchesAsync()
    {
        while (true)
        {
            List<(TItem Item, TaskCompletionSource<TResult> Done, bool Background)> batch;
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
                IReadOnlyList<TResult> results;
                using (batch.TrueForAll(b => b.Background) ? WriteTurns.Background() : null)
                {
                    results = await write(batch.ConvertAll(b => b.Item)).ConfigureAwait(false);
                }

                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.SetResult(results[i]);
                }
            }
            catch (Exception) when (batch.Count > 1)
            {
                foreach (var (item, done, background) in batch)
                {
                    await OneAsync(item, done, background).ConfigureAwait(false);
                }
            }
            catch (Exception ex)
            {
                batch[0].Done.SetException(ex);
            }
        }
    }

    private async Task OneAsync(TItem item, TaskCompletionSource<TResult> done, bool background)
    {
        using var priority = background ? WriteTurns.Background() : null;
        try
        {
            done.SetResult((await write([item]).ConfigureAwait(false))[0]);
        }
        catch (Exception ex)
        {
            done.SetException(ex);
        }
    }
}
