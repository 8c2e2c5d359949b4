using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PresenceBot.CalendarSync.Subscriptions;
using PresenceBot.Jobs.Nightly;

namespace PresenceBot.Health;

/// <summary>
/// /readyz entry "jobs": Hangfire's storage answers, the recurring jobs everything depends on are registered and some
/// server (this instance or another) runs them. Degraded, not down, when one is missing: referrals are still answered.
/// Unhealthy only when the storage does not answer (then nothing scheduled runs anywhere).
/// </summary>
internal sealed class JobsHealthCheck(JobStorage storage, IEnumerable<NightlyJob> nightly) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> registered;
        long servers;
        long failed;
        try
        {
            using (var connection = storage.GetConnection())
            {
                registered = connection.GetRecurringJobs().Select(j => j.Id).ToList();
            }

            var monitoring = storage.GetMonitoringApi();
            servers = monitoring.Servers().Count;
            failed = monitoring.FailedCount();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever the storage's failure (PostgreSQL away, a broken schema): report it, never let the probe throw.
            return Task.FromResult(HealthCheckResult.Unhealthy($"Hangfire's storage does not answer ({ex.GetType().Name})."));
        }

        var missing = nightly.Select(j => j.Id).Append(SubscriptionJobs.RenewJobId).Where(id => !registered.Contains(id, StringComparer.Ordinal)).ToList();
        var summary = $"{registered.Count} recurring jobs, {servers} servers, {failed} failed jobs";
        if (missing.Count > 0)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"{summary}; not registered (yet): {string.Join(", ", missing)}"));
        }

        return Task.FromResult(servers == 0 ? HealthCheckResult.Degraded($"{summary}; no Hangfire server runs them") : HealthCheckResult.Healthy(summary));
    }
}
