using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodaTime;

namespace PresenceBot.WorkQueue;

/// <summary>
/// /readyz entry "workQueue": Degraded (still ready) when work has waited over <see cref="Stale"/> or dead letters
/// wait for someone, with the figures per kind from the observer's last look; the service keeps answering either way.
/// </summary>
internal sealed class WorkQueueHealthCheck(WorkQueueMetrics metrics) : IHealthCheck
{
    public static readonly Duration Stale = Duration.FromMinutes(15);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = metrics.Status;
        var summary = status.Count == 0
            ? "empty"
            : string.Join("; ", status.Select(s => string.Create(
                CultureInfo.InvariantCulture, $"{s.Kind}: {s.Waiting} waiting, oldest {s.OldestAge.TotalSeconds:F0} s, {s.DeadLetters} dead letters")));
        return Task.FromResult(status.Any(s => s.OldestAge > Stale || s.DeadLetters > 0)
            ? HealthCheckResult.Degraded(summary)
            : HealthCheckResult.Healthy(summary));
    }
}
