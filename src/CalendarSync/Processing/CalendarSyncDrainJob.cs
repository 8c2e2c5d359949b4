using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PresenceBot.CalendarSync.Graph;

namespace PresenceBot.CalendarSync.Processing;

/// <summary>
/// The Hangfire job that works off the people <see cref="CalendarSyncScheduler"/> has queued, up to
/// <see cref="GraphOptions.EffectiveConcurrentSyncs"/> at a time, each with <see cref="CalendarSyncJob"/>'s per-person run.
/// It stays a moment after the queue runs dry, so a steady stream of notifications keeps one job busy instead
/// of starting one per notification. A person whose run fails goes to a <see cref="CalendarSyncJob"/> of its
/// own, which Hangfire retries; the others carry on.
/// </summary>
internal sealed class CalendarSyncDrainJob(
    CalendarSyncScheduler scheduler,
    CalendarSyncJob personRun,
    IBackgroundJobClient jobs,
    IOptions<GraphOptions> options,
    TimeProvider time,
    ILogger<CalendarSyncDrainJob> logger)
{
    /// <summary>How long an idle drain waits for more work before it ends.</summary>
    public static readonly TimeSpan Linger = TimeSpan.FromSeconds(2);

    // Not retried: its work is the scheduler's queue and the inbox, and the next request (or the sweep) starts a new drain.
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(options.Value.EffectiveConcurrentSyncs);
        var running = new List<Task>();
        var ended = false;
        try
        {
            while (!ended)
            {
                // A free slot first, then a person: someone taken off the queue is always run (a person taken and then
                // dropped by a cancelled wait would stay "queued" in the scheduler, and no request would queue them again).
                while (true)
                {
                    await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                    if (!scheduler.TryTakeReady(out var personId))
                    {
                        slots.Release();
                        break;
                    }

                    running.Add(SyncOneAsync(personId, slots, cancellationToken));
                }

                running.RemoveAll(t => t.IsCompleted);
                if (await scheduler.WaitForReadyAsync(Linger, time, cancellationToken).ConfigureAwait(false) || running.Count > 0)
                {
                    // New work, or re-reads still going: keep handing out, never wait for the slowest of them.
                    continue;
                }

                ended = scheduler.TryEndDrain();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: what was not read stays unprocessed in the inbox, for the next start or another instance.
            await Task.WhenAll(running).ConfigureAwait(false);
        }
        finally
        {
            // However this drain ends, the next request (or the minutely sweep) must be able to start another.
            if (!ended)
            {
                scheduler.EndDrain();
            }
        }
    }

    private async Task SyncOneAsync(string personId, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            // Off the drain's loop at once, so it can hand out the next person while this one waits on Graph.
            await Task.Yield();
            await personRun.RunAsync(personId, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down; the entries stay in the inbox.
        }
        catch (Exception ex)
        {
            // Already logged by the run; a job of its own brings Hangfire's retries with back-off.
            CalendarSyncLog.SyncHandedToRetry(logger, personId, ex.GetType().Name);
            HandToRetry(personId);
        }
        finally
        {
            slots.Release();
        }
    }

    private void HandToRetry(string personId)
    {
        try
        {
            jobs.Enqueue<CalendarSyncJob>(job => job.RunAsync(personId, CancellationToken.None));
        }
        catch (Exception ex)
        {
            // Job storage is down too: the person's entries stay in the inbox and the minutely sweep asks again.
            CalendarSyncLog.SyncFailed(logger, personId, ex);
        }
    }
}
