using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PresenceBot.Storage;

namespace PresenceBot.Tests.Storage;

/// <summary>
/// A fresh database for one test: a SQLite file in its own temp folder, or a PostgreSQL database
/// <c>presencebot_test_&lt;guid&gt;</c> created through <see cref="PostgresVariable"/>. Migrated with the
/// real migrations (through <see cref="DatabaseMigrator"/>, as the host does) unless asked not to;
/// deleted or dropped on dispose.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "PRESENCEBOT_TEST_POSTGRES";

    private readonly string? _sqliteFolder;

    private TestDatabase(DbProvider provider, string connectionString, string? sqliteFolder, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFolder = sqliteFolder;
        PostgresName = postgresName;
    }

    public static string? PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public DbProvider Provider { get; }

    public string ConnectionString { get; }

    public string? PostgresName { get; }

    public static async Task<TestDatabase> CreateAsync(DbProvider provider, bool migrate = true)
    {
        TestDatabase database;
        if (provider == DbProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), $"presencebot-storagetest-{Guid.NewGuid():N}");
            Directory.CreateDirectory(folder);
            database = new TestDatabase(provider, $"Data Source={Path.Combine(folder, "x.db")}", folder, null);
        }
        else
        {
            var admin = PostgresAdminConnectionString
                ?? throw new InvalidOperationException($"{PostgresVariable} is not set; the PostgreSQL row should have been skipped.");
            var name = $"presencebot_test_{Guid.NewGuid():N}";
            await ExecuteAdminAsync(admin, $"CREATE DATABASE {name}");
            var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
            database = new TestDatabase(provider, connectionString, null, name);
        }

        if (migrate)
        {
            try
            {
                await database.MigrateAsync();
            }
            catch
            {
                await database.DisposeAsync();
                throw;
            }
        }

        return database;
    }

    /// <summary>Migrates as the host does at start (migrations, then WAL on SQLite).</summary>
    public Task MigrateAsync() =>
        new DatabaseMigrator(CreateFactory(), new PresenceBot.CalendarSync.Coordination.InProcessClusterLock(), NullLogger<DatabaseMigrator>.Instance).StartAsync(CancellationToken.None);

    /// <summary>A new factory (so new contexts and connections) over this database; interceptors go on its contexts.</summary>
    public TestContextFactory CreateFactory(params IInterceptor[] interceptors) => Provider switch
    {
        DbProvider.Sqlite => TestContextFactory.Sqlite(ConnectionString, interceptors),
        _ => TestContextFactory.Postgres(ConnectionString, interceptors),
    };

    public PresenceBotDbContext CreateContext() => CreateFactory().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFolder is not null)
        {
            // Pooled connections keep the file (and its -wal/-shm) open; close them before deleting.
            using (var connection = new SqliteConnection(ConnectionString))
            {
                SqliteConnection.ClearPool(connection);
            }

            if (Directory.Exists(_sqliteFolder))
            {
                Directory.Delete(_sqliteFolder, recursive: true);
            }
        }

        if (PostgresName is not null && PostgresAdminConnectionString is { } admin)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await ExecuteAdminAsync(admin, $"DROP DATABASE IF EXISTS {PostgresName} WITH (FORCE)");
                    break;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 5)
                {
                    // A backend of another role (autovacuum working on the fresh database) can't be terminated by us;
                    // it finishes in moments. Cleaning up is not what the test is about, so wait and try again.
                    await Task.Delay(200 * attempt);
                }
            }
        }
    }

    private static async Task ExecuteAdminAsync(string adminConnectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>Creates provider contexts the way <see cref="StorageSetup"/> configures them, without a host.</summary>
internal sealed class TestContextFactory : IDbContextFactory<PresenceBotDbContext>
{
    private readonly Func<PresenceBotDbContext> _create;

    private TestContextFactory(Func<PresenceBotDbContext> create) => _create = create;

    public static TestContextFactory Sqlite(string connectionString, IInterceptor[] interceptors)
    {
        var builder = new DbContextOptionsBuilder<SqlitePresenceBotDbContext>();
        StorageSetup.ConfigureSqlite(builder, connectionString);
        if (interceptors.Length > 0)
        {
            builder.AddInterceptors(interceptors);
        }

        var options = builder.Options;
        return new TestContextFactory(() => new SqlitePresenceBotDbContext(options));
    }

    public static TestContextFactory Postgres(string connectionString, IInterceptor[] interceptors)
    {
        var builder = new DbContextOptionsBuilder<PostgresPresenceBotDbContext>();
        StorageSetup.ConfigurePostgres(builder, connectionString);
        if (interceptors.Length > 0)
        {
            builder.AddInterceptors(interceptors);
        }

        var options = builder.Options;
        return new TestContextFactory(() => new PostgresPresenceBotDbContext(options));
    }

    public PresenceBotDbContext CreateDbContext() => _create();
}
