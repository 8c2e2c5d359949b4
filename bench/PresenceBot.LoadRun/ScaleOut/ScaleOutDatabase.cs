using System.Globalization;
using Npgsql;

namespace PresenceBot.LoadRun.ScaleOut;

/// <summary>A throwaway PostgreSQL database both instances share, created for the run and dropped after it; progress is read from it.</summary>
internal sealed class ScaleOutDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _name;

    private ScaleOutDatabase(string admin, string name)
    {
        _admin = admin;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<ScaleOutDatabase> CreateAsync(string adminConnectionString, CancellationToken cancellationToken)
    {
        var name = $"presencebot_loadrun_{Guid.NewGuid():N}";
        await ExecuteAsync(adminConnectionString, $"CREATE DATABASE {name}", cancellationToken).ConfigureAwait(false);
        return new ScaleOutDatabase(adminConnectionString, name);
    }

    public Task<long> SyncedPeopleAsync(CancellationToken cancellationToken) => CountAsync("SELECT COUNT(*) FROM calendar_sync_states", cancellationToken);

    /// <summary>Calendar work due now and not done: zero means every accepted notification was followed by a re-read.</summary>
    public Task<long> CalendarWorkAsync(CancellationToken cancellationToken) =>
        CountAsync("""SELECT COUNT(*) FROM work_items WHERE "Kind" LIKE 'calendar-%' AND "DueAt" <= now()""", cancellationToken);

    public Task<long> OutboxPendingAsync(CancellationToken cancellationToken) =>
        CountAsync("""SELECT COUNT(*) FROM work_items WHERE "Kind" = 'referral-changed'""", cancellationToken);

    public Task<long> SubscriptionsAsync(CancellationToken cancellationToken) => CountAsync("SELECT COUNT(*) FROM graph_subscriptions", cancellationToken);

    public Task<long> DeadLettersAsync(CancellationToken cancellationToken) => CountAsync("SELECT COUNT(*) FROM work_dead_letters", cancellationToken);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_admin, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", CancellationToken.None).ConfigureAwait(false);
    }

    private async Task<long> CountAsync(string sql, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
#pragma warning disable CA2100 // Fixed statements of this class only.
            await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0; // Not migrated yet.
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
#pragma warning disable CA2100 // The database name is made here from a GUID.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
