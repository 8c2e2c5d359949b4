using Microsoft.Data.Sqlite;

namespace PresenceBot.LoadRun.Calendar;

/// <summary>Inbox figures: all rows, and those not yet processed.</summary>
internal sealed record InboxCounts(long Total, long Unprocessed)
{
    public long Processed => Total - Unprocessed;
}

/// <summary>
/// The service's SQLite file, read-only and unpooled, so the load run watches progress without an endpoint and
/// without holding the file open between polls. The service runs it in WAL mode, so these reads never block its
/// writes. Before the service has created a table, its count is 0.
/// </summary>
internal sealed class ServiceDatabase(string file)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = file,
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = false,
        DefaultTimeout = 5,
    }.ToString();

    public Task<long> SyncedPeopleAsync(CancellationToken cancellationToken) => CountAsync("SELECT COUNT(*) FROM calendar_sync_states", cancellationToken);

    public Task<long> ReferralsAsync(CancellationToken cancellationToken) => CountAsync("SELECT COUNT(*) FROM referrals", cancellationToken);

    public Task<long> ReferredPeopleAsync(CancellationToken cancellationToken) =>
        CountAsync("SELECT COUNT(DISTINCT PersonId) FROM referrals", cancellationToken);

    /// <summary>Committed referral changes not yet handed to their handlers (coverage alerts): the first sync makes one per booking.</summary>
    public Task<long> OutboxPendingAsync(CancellationToken cancellationToken) =>
        CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE ProcessedAt IS NULL", cancellationToken);

    public async Task<InboxCounts> InboxAsync(CancellationToken cancellationToken)
    {
        var total = await CountAsync("SELECT COUNT(*) FROM graph_inbox", cancellationToken).ConfigureAwait(false);
        var open = await CountAsync("SELECT COUNT(*) FROM graph_inbox WHERE ProcessedAt IS NULL", cancellationToken).ConfigureAwait(false);
        return new InboxCounts(total, open);
    }

    private async Task<long> CountAsync(string sql, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            return 0;
        }

        try
        {
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Fixed statements of this class only.
            command.CommandText = sql;
#pragma warning restore CA2100
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException e) when (e.Message.Contains("no such table", StringComparison.Ordinal))
        {
            return 0;
        }
    }
}
