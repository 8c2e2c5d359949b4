using NodaTime;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.Jobs.Nightly;

/// <summary>
/// Once the app has started: each nightly job whose last night went by while no instance ran it (every instance
/// down, or Hangfire on in-memory storage forgetting its schedule at restart) runs now rather than the next night.
/// On a fresh database there is nothing to catch up (the first start reads every calendar anyway): the last night
/// is only recorded.
/// </summary>
internal sealed class NightlyCatchUp(
    IHostApplicationLifetime lifetime,
    IServiceScopeFactory scopes,
    IEnumerable<NightlyJob> jobs,
    INightlyRunLog log,
    IOrganisationSource organisation,
    TimeProvider time,
    ILogger<NightlyCatchUp> logger) : BackgroundService
{
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        foreach (var job in jobs)
        {
            try
            {
                if (!await log.HasAnyAsync(job.Id, cancellationToken).ConfigureAwait(false))
                {
                    var night = job.LatestDueNight(Instant.FromDateTimeOffset(time.GetUtcNow()), organisation.Current.TimeZone);
                    await log.TryClaimAsync(job.Id, night, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<NightlyJobRunner>().RunAsync(job.Id, cancellationToken).ConfigureAwait(false))
                {
                    Log.NightlyCaughtUp(logger, job.Id);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Its claim was given back: the next start or the next night runs it; the other jobs go on.
                Log.NightlyCatchUpFailed(logger, job.Id, ex);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // After start: the database is migrated by then and the start is not held up.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()).ConfigureAwait(false))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)).ConfigureAwait(false))
        {
            await started.Task.ConfigureAwait(false);
        }

        await CatchUpAsync(stoppingToken).ConfigureAwait(false);
    }
}
