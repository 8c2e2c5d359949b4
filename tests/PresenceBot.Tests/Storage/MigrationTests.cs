using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Tests.Storage;

/// <summary>The shipped migrations, on an empty database of each provider.</summary>
public sealed class MigrationTests
{
    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Migrations_create_every_table_on_an_empty_database(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using (var before = database.CreateContext())
        {
            Assert.Empty(await before.Database.GetAppliedMigrationsAsync());
            Assert.NotEmpty(before.Database.GetMigrations());
        }

        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync();
        }

        await using var after = database.CreateContext();
        Assert.Equal(after.Database.GetMigrations(), await after.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await after.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await after.Referrals.CountAsync());
        Assert.Equal(0, await after.PersonStates.CountAsync());
        Assert.Equal(0, await after.AuditEntries.CountAsync());
        Assert.Equal(0, await after.WorkItems.CountAsync());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Migrations_match_the_model(DbProvider provider)
    {
        // A model change without a migration for this provider would fail here, not at a customer's start.
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using var db = database.CreateContext();

        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} model has changes that no migration covers.");
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Migrating_twice_is_harmless_and_keeps_the_data(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        await h.Service.SetAsync(h.Switchboard(TestOrganisation.Kim, Reason.Errand), CancellationToken.None);

        // Once more the way the host does at every start, and once directly.
        await h.Database.MigrateAsync();
        await using (var db = h.Context())
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        Assert.Equal((1, 1, 1, 1L), await h.CountsAsync(TestOrganisation.Kim));
        var status = await h.NewService(h.NewStore()).StatusAsync(h.Organisation.Person(TestOrganisation.Kim), CancellationToken.None);
        Assert.Equal(Reason.Errand, status.DisclosedReason);
    }

    [Fact]
    public async Task Migrator_turns_on_wal_for_sqlite()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }
}
