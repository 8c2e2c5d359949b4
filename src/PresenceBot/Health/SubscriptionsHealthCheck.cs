using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodaTime;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Storage;

namespace PresenceBot.Health;

/// <summary>
/// /readyz entry "graphSubscriptions": how many coupled people have a live Graph subscription, against how many should,
/// and how many expire within <see cref="ExpiringWithin"/> (renewal runs every 30 minutes from 12 hours before expiry,
/// so one that close is overdue). Counts only. Degraded (still ready) when some are missing or about to lapse: their
/// calendars then change referrals only at the nightly re-read.
/// </summary>
internal sealed class SubscriptionsHealthCheck(IDbContextFactory<PresenceBotDbContext> contexts, IOrganisationSource organisation, TimeProvider time) : IHealthCheck
{
    public static readonly Duration ExpiringWithin = Duration.FromHours(1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var expected = organisation.Current.People.Count(p => p.CalendarCoupling != CalendarCoupling.Off);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var active = await db.Subscriptions.AsNoTracking().Where(s => s.ExpiresAt > now).Select(s => s.ExpiresAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        var expiring = active.Count(e => e <= now + ExpiringWithin);
        var summary = $"{active.Count} active of {expected} expected, {expiring} expiring within {ExpiringWithin.TotalMinutes:F0} minutes";
        return active.Count < expected || expiring > 0 ? HealthCheckResult.Degraded(summary) : HealthCheckResult.Healthy(summary);
    }
}
