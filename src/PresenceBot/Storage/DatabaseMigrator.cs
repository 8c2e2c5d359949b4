using Microsoft.EntityFrameworkCore;
using PresenceBot.CalendarSync.Coordination;

namespace PresenceBot.Storage;

/// <summary>
/// Creates and migrates the database before the app serves requests (hosted services start before
/// Kestrel). On SQLite it also turns on WAL so readers never wait for the writer. Instances that start together on
/// one PostgreSQL migrate one after the other (the second finds nothing left to do), not both at once.
/// </summary>
internal sealed class DatabaseMigrator(IDbContextFactory<PresenceBotDbContext> contexts, IClusterLock clusterLock, ILogger<DatabaseMigrator> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (await clusterLock.AcquireAsync(ClusterLockNames.DatabaseMigration, cancellationToken).ConfigureAwait(false))
        {
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }

        Log.DatabaseMigrated(logger, db.Database.ProviderName ?? "?");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
