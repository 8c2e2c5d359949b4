using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PresenceBot.Storage;

namespace PresenceBot.Publishing;

/// <summary>
/// <c>/readyz</c>'s "publishing": degraded (not down — referrals are still kept and answered) while some destination has
/// dead letters, naming the destinations and how many, never the people.
/// </summary>
internal sealed class PublishingHealthCheck(IDbContextFactory<PresenceBotDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var dead = await db.DeadLetters.AsNoTracking()
            .Where(d => d.Kind.StartsWith(PublishSetup.KindPrefix))
            .GroupBy(d => d.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return dead.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded(
                "Dead letters (replay with POST /api/publish/dead-letters/replay once the cause is fixed): "
                + string.Join(", ", dead.OrderBy(d => d.Kind, StringComparer.Ordinal).Select(d => $"{d.Kind[PublishSetup.KindPrefix.Length..]} {d.Count}")));
    }
}
