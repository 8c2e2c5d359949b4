using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PresenceBot.Storage;

namespace PresenceBot.Health;

/// <summary>Ready means the database answers a query, not merely that the process is up.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<PresenceBotDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            return HealthCheckResult.Unhealthy("The database does not answer.");
        }

        // Reading a table also proves the schema is migrated, which a bare connection does not.
        _ = await db.PersonStates.AnyAsync(cancellationToken).ConfigureAwait(false);
        return HealthCheckResult.Healthy();
    }
}
