using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PresenceBot.Tests.Storage;

/// <summary>
/// How the service's SQLite connections are made: without EF's decimal and regexp functions (re-registered on every
/// open, each leaving a handle to finalize), and with the per-connection settings applied once per native connection.
/// </summary>
public sealed class SqliteConnectionTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestContextFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        _factory = _database.CreateFactory();
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Theory]
    [InlineData("SELECT ef_mod(5, 3)")]
    [InlineData("SELECT regexp('a', 'a')")]
    [InlineData("SELECT ef_sum(1)")]
    public async Task A_connection_has_none_of_EFs_own_SQL_functions(string sql)
    {
        await using var db = _factory.CreateDbContext();
        await db.Database.OpenConnectionAsync();

        var error = await Assert.ThrowsAsync<SqliteException>(() => ScalarAsync(db, sql));

        Assert.Contains("no such function", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_column_needs_them_the_model_has_no_decimal()
    {
        await using var db = _factory.CreateDbContext();

        var decimals = db.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => IsDecimal(p.GetProviderClrType() ?? p.ClrType))
            .Select(p => $"{p.DeclaringType.DisplayName()}.{p.Name}");

        Assert.Empty(decimals);
    }

    [Fact]
    public async Task The_settings_are_applied_once_per_native_connection_and_kept_by_the_pool()
    {
        await using (var db = _factory.CreateDbContext())
        {
            await db.Database.OpenConnectionAsync();
            Assert.Equal(1L, await ScalarAsync(db, "PRAGMA synchronous"));
            Assert.Equal(5000L, await ScalarAsync(db, "PRAGMA busy_timeout"));

            // A mark only this native connection carries: applying the settings again would overwrite it.
            await ScalarAsync(db, "PRAGMA busy_timeout=1234");
        }

        await using (var again = _factory.CreateDbContext())
        {
            await again.Database.OpenConnectionAsync();
            Assert.Equal(1234L, await ScalarAsync(again, "PRAGMA busy_timeout"));
            SqliteConnection.ClearPool((SqliteConnection)again.Database.GetDbConnection());
        }

        await using var fresh = _factory.CreateDbContext();
        await fresh.Database.OpenConnectionAsync();
        Assert.Equal(5000L, await ScalarAsync(fresh, "PRAGMA busy_timeout"));
        Assert.Equal(1L, await ScalarAsync(fresh, "PRAGMA synchronous"));
    }

    private static bool IsDecimal(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(decimal);

    private static async Task<object?> ScalarAsync(DbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
