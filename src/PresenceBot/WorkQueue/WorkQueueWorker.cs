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
        await Task.WhenAll(items.Select(item => RunOneAsync(handler, item, handler.Kind.Lease * 0.8, cancellationToken))).ConfigureAwait(false);
        return items.Count;
    }

    /// <summary>
    /// The kind's loop. It claims ahead: up to a second round of <see cref="WorkKind.Concurrency"/> items waits here,
    /// leased, for a slot, and the next claim is made only when none is left. Measured under the publish load run: a
    /// claim after every finished run took one or two items at a time, so under load the kind ran no faster than its
    /// claims went through the database's one writer (the outbox fell minutes behind with seven of its eight slots idle).
    /// </summary>
    private async Task RunKindAsync(IWorkHandler handler, CancellationToken stoppingToken)
    {
        var kind = handler.Kind;
        var running = new List<Task>();
        var claimedAhead = new Queue<(WorkItem Item, long ClaimedAt)>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                running.RemoveAll(t => t.IsCompleted);
                while (running.Count < kind.Concurrency && claimedAhead.TryDequeue(out var next))
                {
                    running.Add(StartClaimedAsync(handler, next.Item, next.ClaimedAt, stoppingToken));
                }

                if (claimedAhead.Count == 0 && running.Count < kind.Concurrency)
                {
                    try
                    {
                        var claimedAt = time.GetTimestamp();
                        var items = await claims.ClaimAsync(kind, 2 * kind.Concurrency - running.Count, stoppingToken).ConfigureAwait(false);
                        foreach (var item in items)
                        {
                            if (running.Count < kind.Concurrency)
                            {
                                running.Add(RunOneAsync(handler, item, kind.Lease * 0.8, stoppingToken));
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
            // Shutting down: the runs hand back what they did not finish, and what never started goes back at once.
        }

        running.AddRange(claimedAhead.Select(waiting => ReleaseAsync(waiting.Item)));
        await Task.WhenAll(running).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs an item that waited for a slot within what is left of its lease; one that waited so long that less than half
    /// of it is left (the kind's runs must be slower than its lease allows) goes back to the table for a fresh claim.
    /// </summary>
    private Task StartClaimedAsync(IWorkHandler handler, WorkItem item, long claimedAt, CancellationToken stoppingToken)
    {
        var left = handler.Kind.Lease * 0.8 - time.GetElapsedTime(claimedAt);
        return left >= handler.Kind.Lease * 0.4 ? RunOneAsync(handler, item, left, stoppingToken) : GiveBackAsync(item);
    }

    /// <summary>Back to the table, and the loop woken to claim it again.</summary>
    private async Task GiveBackAsync(WorkItem item)
    {
        await ReleaseAsync(item).ConfigureAwait(false);
        signal.Wake(item.Kind);
    }

    /// <param name="runFor">How long the run may take: it stops before its lease ends.</param>
    private async Task RunOneAsync(IWorkHandler handler, WorkItem item, TimeSpan runFor, CancellationToken stoppingToken)
    {
        // Off the claiming loop at once, so it can hand out the next item while this one waits on I/O.
        await Task.Yield();
        var kind = handler.Kind;

        // Stop before the lease runs out: after that another instance may claim the key, and two runs must never overlap.
        using var lease = new CancellationTokenSource(runFor, time);
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
