using Hangfire;
using NodaTime;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.Jobs.Nightly;

/// <summary>
/// Runs a nightly job for the last night whose time has come, unless that night is claimed already (by Hangfire's
/// run, a catch-up at start, or another instance). A failed run gives its claim back.
/// </summary>
internal sealed class NightlyJobRunner(
    IEnumerable<NightlyJob> jobs,
    INightlyRunLog log,
    IOrganisationSource organisation,
    TimeProvider time,
    IServiceProvider services,
    ILogger<NightlyJobRunner> logger)
{
    /// <summary>
    /// True when this call ran the job; false when its night was done already. A failed run is tried again a few times
    /// (a database hiccup should not cost the night), then deleted rather than kept as failed: Hangfire never expires a
    /// failed job, and the next start or night runs it anyway.
    /// </summary>
    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task<bool> RunAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = jobs.Single(j => j.Id == jobId);
        var night = job.LatestDueNight(Instant.FromDateTimeOffset(time.GetUtcNow()), organisation.Current.TimeZone);
        if (!await log.TryClaimAsync(jobId, night, cancellationToken).ConfigureAwait(false))
        {
            Log.NightlyAlreadyDone(logger, jobId, night.ToString("R", null));
            return false;
        }

        try
        {
            await job.RunAsync(services, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Not swallowed: Hangfire (or the catch-up) sees the failure; the night is only made free to run again.
            await log.ReleaseAsync(jobId, night, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return true;
    }
}
