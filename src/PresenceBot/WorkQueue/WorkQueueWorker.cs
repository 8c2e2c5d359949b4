using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace PresenceBot.WorkQueue;

/// <summary>
/// This instance's worker: one loop per kind claims due items up to the kind's concurrency and runs each with its
/// handler. Woken at once by a local enqueue or a finished run, it polls otherwise (for retries that came due, other
/// instances' work and leases a crashed process left behind).
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
        var items = await claims.ClaimAsync(handler.Kind, handler.Kind.Concurrency, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(items.Select(item => RunOneAsync(handler, item, cancellationToken))).ConfigureAwait(false);
        return items.Count;
    }

    private async Task RunKindAsync(IWorkHandler handler, CancellationToken stoppingToken)
    {
        var kind = handler.Kind;
        var running = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                running.RemoveAll(t => t.IsCompleted);
                var free = kind.Concurrency - running.Count;
                var claimed = 0;
                if (free > 0)
                {
                    try
                    {
                        var items = await claims.ClaimAsync(kind, free, stoppingToken).ConfigureAwait(false);
                        claimed = items.Count;
                        running.AddRange(items.Select(item => RunOneAsync(handler, item, stoppingToken)));
                    }
                    catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
                    {
                        // The database may be briefly away; the work stays in the table for the next round.
                        WorkQueueLog.LoopFailed(logger, kind.Name, ex);
                    }
                }

                if (free > 0 && claimed == free)
                {
                    // Took all it could: there may be more, look again once a run ends (which wakes us) or at once.
                    continue;
                }

                await signal.WaitAsync(kind.Name, options.Value.PollInterval, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the runs hand back what they did not finish.
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private async Task RunOneAsync(IWorkHandler handler, WorkItem item, CancellationToken stoppingToken)
    {
        // Off the claiming loop at once, so it can hand out the next item while this one waits on I/O.
        await Task.Yield();
        var kind = handler.Kind;

        // Stop before the lease runs out: after that another instance may claim the key, and two runs must never overlap.
        using var lease = new CancellationTokenSource(kind.Lease * 0.8, time);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Token);
        try
        {
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
            // A slot is free, and the item may be due again (asked for during the run).
            signal.Wake(kind.Name);
        }
    }

    private async Task CompleteAsync(WorkKind kind, WorkItem item)
    {
        try
        {
            await _completions.WriteAsync(item).ConfigureAwait(false);
            foreach (var followUp in item.FollowUps.Select(r => r.Kind.Name).Distinct(StringComparer.Ordinal))
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
