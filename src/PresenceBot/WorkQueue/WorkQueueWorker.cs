using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PresenceBot.Storage;

namespace PresenceBot.WorkQueue;

/// <summary>
/// This instance's worker: one loop per kind claims due items and runs up to the kind's concurrency of them at once,
/// each with its handler. Woken at once by a local enqueue or a finished run, it polls otherwise (for retries that came
/// due, other instances' work and leases a crashed process left behind).
/// </summary>
internal sealed class WorkQueueWorker(
    IEnumerable<IWorkHandler> handlers,
    WorkItemClaims claims,
    InstanceLiveness liveness,
    WorkQueueSignal signal,
    WorkQueueMetrics metrics,
    IOptions<WorkQueueOptions> options,
    TimeProvider time,
    ILogger<WorkQueueWorker> logger) : BackgroundService
{
    /// <summary>Finished runs, group-committed: one that ends while an earlier completion is written goes with the next.</summary>
    private readonly GroupCommit<WorkItem, bool> _completions = new(items => claims.CompleteAsync(items, CancellationToken.None));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await claims.ReleaseOrphanedLeasesAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The leases run out on their own; this only saves waiting for them.
            WorkQueueLog.LoopFailed(logger, "start", ex);
        }

        if (!await HoldLivenessAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        await Task.WhenAll(handlers.Select(handler => Task.Run(() => RunKindAsync(handler, stoppingToken), CancellationToken.None))
            .Append(Task.Run(() => FreeDeadInstancesWorkAsync(stoppingToken), CancellationToken.None))).ConfigureAwait(false);
    }

    /// <summary>
    /// Before the first claim this instance must be seen alive (PostgreSQL), or the others would free its work while it
    /// runs. False when shutting down first.
    /// </summary>
    private async Task<bool> HoldLivenessAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await liveness.HoldAsync(stoppingToken).ConfigureAwait(false);
                return true;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                // The database is away: nothing can be claimed anyway; try again shortly.
                WorkQueueLog.LivenessNotHeld(logger, ex);
                try
                {
                    await Task.Delay(options.Value.DeadInstanceCheck, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
            }
        }
    }

    /// <summary>Every <c>WorkQueue:DeadInstanceCheck</c>: frees what instances that died had claimed, and wakes the kinds.</summary>
    private async Task FreeDeadInstancesWorkAsync(CancellationToken stoppingToken)
    {
        if (!liveness.Applies)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.DeadInstanceCheck, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    if (await liveness.FreeDeadInstancesLeasesAsync(stoppingToken).ConfigureAwait(false) > 0)
                    {
                        foreach (var handler in handlers)
                        {
                            signal.Wake(handler.Kind.Name);
                        }
                    }
                }
                catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
                {
                    // The leases run out on their own; this only saves waiting for them.
                    WorkQueueLog.LoopFailed(logger, "liveness", ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Claims what of <paramref name="handler"/>'s kind is due now and runs it to the end; returns how many it claimed.</summary>
    public async Task<int> RunDueAsync(IWorkHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var claimedAt = time.GetTimestamp();
        var items = await claims.ClaimAsync(handler.Kind, handler.Kind.Concurrency, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(items.Select(item => RunOneAsync(handler, item, claimedAt, freed: null, cancellationToken))).ConfigureAwait(false);
        return items.Count;
    }

    /// <summary>
    /// The kind's loop. With one instance (SQLite) it claims ahead: up to a second round of
    /// <see cref="WorkKind.Concurrency"/> items waits here, leased, for a slot, and the next claim is made only when none
    /// is left. Measured under the publish load run: a claim after every finished run took the one or two slots just
    /// freed, so under load a kind ran no faster than its claims went through SQLite's one writer (the outbox: 3,924
    /// waiting with one of its eight slots leased most of the time). With several instances (PostgreSQL) it claims only
    /// what it can start: another instance's idle slots are the better place for the rest.
    /// </summary>
    private async Task RunKindAsync(IWorkHandler handler, CancellationToken stoppingToken)
    {
        // Claims, runs and completions are background writes: a request waiting for its answer writes first.
        using var background = WriteTurns.Background();
        var kind = handler.Kind;
        var ahead = liveness.Applies ? 0 : kind.Concurrency;
        var runs = new List<Task>();
        var slots = new Slots();
        var claimedAhead = new Queue<(WorkItem Item, long ClaimedAt)>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                runs.RemoveAll(t => t.IsCompleted);
                while (slots.Busy < kind.Concurrency && claimedAhead.TryDequeue(out var next))
                {
                    Start(next.Item, next.ClaimedAt);
                }

                if (claimedAhead.Count == 0 && slots.Busy < kind.Concurrency)
                {
                    try
                    {
                        var claimedAt = time.GetTimestamp();
                        foreach (var item in await claims.ClaimAsync(kind, kind.Concurrency + ahead - slots.Busy, stoppingToken).ConfigureAwait(false))
                        {
                            if (slots.Busy < kind.Concurrency)
                            {
                                Start(item, claimedAt);
                            }
                            else
                            {
                                claimedAhead.Enqueue((item, claimedAt));
                            }
                        }
                    }
                    catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
                    {
                        // The database may be briefly away; the work stays in the table for the next round.
                        WorkQueueLog.LoopFailed(logger, kind.Name, ex);
                    }
                }

                // A finished run (or a local enqueue) wakes the loop; the poll finds retries come due and other instances' work.
                await signal.WaitAsync(kind.Name, options.Value.PollInterval, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the runs hand back what they did not finish.
        }
        finally
        {
            // What never started goes back at once, however the loop ended, rather than when its lease runs out.
            runs.AddRange(claimedAhead.Select(waiting => ReleaseAsync(waiting.Item)));
            await Task.WhenAll(runs).ConfigureAwait(false);
        }

        void Start(WorkItem item, long claimedAt)
        {
            slots.Take();
            runs.Add(RunOneAsync(handler, item, claimedAt, slots.Free, stoppingToken));
        }
    }

    /// <summary>
    /// Runs one claimed item until <see cref="WorkKind.RunTimeout"/> after its claim (<paramref name="claimedAt"/>, taken
    /// before the claim's lease was), so it stops before its lease ends: after that another instance may claim the key,
    /// and two runs must never overlap. An item that waited ahead until less than half that time is left goes back to the
    /// table instead, to be claimed afresh. <paramref name="freed"/> is called as the run ends, before the loop is woken.
    /// </summary>
    private async Task RunOneAsync(IWorkHandler handler, WorkItem item, long claimedAt, Action? freed, CancellationToken stoppingToken)
    {
        // Off the claiming loop at once, so it can hand out the next item while this one waits on I/O.
        await Task.Yield();
        var kind = handler.Kind;
        try
        {
            var left = kind.RunTimeout - time.GetElapsedTime(claimedAt);
            if (left < kind.RunTimeout / 2)
            {
                WorkQueueLog.GivenBack(logger, kind.Name, item.Key);
                await ReleaseAsync(item).ConfigureAwait(false);
                return;
            }

            using var lease = new CancellationTokenSource(left, time);
            using var run = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Token);
            try
            {
                await handler.HandleAsync(item, run.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                await ReleaseAsync(item).ConfigureAwait(false);
                return;
            }
            catch (Exception ex)
            {
                // Any failure of the handler is this item's alone: it backs off (or goes dead) and the others carry on.
                await FailAsync(kind, item, ex).ConfigureAwait(false);
                return;
            }

            await CompleteAsync(kind, item).ConfigureAwait(false);
        }
        finally
        {
            // A slot is free (counted before the wake, so the woken loop sees it), and the item may be due again.
            freed?.Invoke();
            signal.Wake(kind.Name);
        }
    }

    private async Task CompleteAsync(WorkKind kind, WorkItem item)
    {
        try
        {
            if (!await _completions.WriteAsync(item).ConfigureAwait(false))
            {
                // Asked for again during the run: due after the kind's gather (the finished run's wake comes too soon for it).
                signal.Wake(kind);
            }

            foreach (var followUp in item.FollowUps.Select(r => r.Kind).DistinctBy(k => k.Name))
            {
                signal.Wake(followUp);
            }

            metrics.Processed(kind.Name, (NodaTime.Instant.FromDateTimeOffset(time.GetUtcNow()) - item.CreatedAt).ToTimeSpan());
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // Done but not recorded: the lease runs out and the work runs again, which handlers tolerate.
            WorkQueueLog.OutcomeNotRecorded(logger, kind.Name, item.Key, ex);
        }
    }

    private async Task FailAsync(WorkKind kind, WorkItem item, Exception error)
    {
        metrics.Failed(kind.Name);
        try
        {
            if (await claims.FailAsync(item, kind, $"{error.GetType().Name}: {error.Message}", CancellationToken.None).ConfigureAwait(false))
            {
                metrics.DeadLettered(kind.Name);
                WorkQueueLog.DeadLettered(logger, kind.Name, item.Key, item.Attempt, error);
            }
            else
            {
                WorkQueueLog.Failed(logger, kind.Name, item.Key, item.Attempt, error);
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The lease runs out and the item is claimed again: a retry without the back-off.
            WorkQueueLog.OutcomeNotRecorded(logger, kind.Name, item.Key, ex);
        }
    }

    /// <summary>A kind loop's runs in progress, counted by the runs themselves as they end.</summary>
    private sealed class Slots
    {
        private int _busy;

        public int Busy => Volatile.Read(ref _busy);

        public void Take() => Interlocked.Increment(ref _busy);

        public void Free() => Interlocked.Decrement(ref _busy);
    }

    private async Task ReleaseAsync(WorkItem item)
    {
        try
        {
            await claims.ReleaseAsync(item, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // Its lease runs out and the next start (or another instance) claims it.
            WorkQueueLog.OutcomeNotRecorded(logger, item.Kind, item.Key, ex);
        }
    }
}
