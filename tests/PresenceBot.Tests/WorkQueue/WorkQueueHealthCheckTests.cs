using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodaTime;
using PresenceBot.WorkQueue;

namespace PresenceBot.Tests.WorkQueue;

public sealed class WorkQueueHealthCheckTests
{
    [Fact]
    public async Task Work_waiting_too_long_or_dead_letters_make_the_entry_degraded_with_the_figures_per_kind()
    {
        using var metrics = new WorkQueueMetrics();
        var check = new WorkQueueHealthCheck(metrics);

        Assert.Equal((HealthStatus.Healthy, "empty"), await StatusAsync(check));

        metrics.Observe([new WorkKindStatus("calendar-reread", 3, Duration.FromSeconds(12), 0)]);
        Assert.Equal((HealthStatus.Healthy, "calendar-reread: 3 waiting, oldest 12 s, 0 dead letters"), await StatusAsync(check));

        metrics.Observe([new WorkKindStatus("calendar-reread", 1, WorkQueueHealthCheck.Stale + Duration.FromSeconds(1), 0)]);
        Assert.Equal(HealthStatus.Degraded, (await StatusAsync(check)).Status);

        metrics.Observe([new WorkKindStatus("referral-changed", 0, Duration.Zero, 2)]);
        Assert.Equal((HealthStatus.Degraded, "referral-changed: 0 waiting, oldest 0 s, 2 dead letters"), await StatusAsync(check));
    }

    private static async Task<(HealthStatus Status, string? Description)> StatusAsync(WorkQueueHealthCheck check)
    {
        var result = await check.CheckHealthAsync(new HealthCheckContext());
        return (result.Status, result.Description);
    }
}
