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
                while (scheduler.TryTakeReady(out var personId))
                {
                    await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                    running.Add(SyncOneAsync(personId, slots, cancellationToken));
                }

                running.RemoveAll(t => t.IsCompleted);
                if (await scheduler.WaitForReadyAsync(Linger, time, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                await Task.WhenAll(running).ConfigureAwait(false);
                running.Clear();
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
            jobs.Enqueue<CalendarSyncJob>(job => job.RunAsync(personId, CancellationToken.None));
        }
        finally
        {
            slots.Release();
        }
    }
}
