using Microsoft.Data.Sqlite;

namespace PresenceBot.LoadRun.Calendar;

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
        CountAsync("SELECT COUNT(*) FROM work_items WHERE Kind = 'referral-changed'", cancellationToken);

    /// <summary>
    /// Calendar work still waiting in the service's work queue (re-reads, subscription repairs). Zero means every
    /// accepted notification has been followed by a re-read that started after it (an item leaves the queue only then).
    /// </summary>
    public Task<long> CalendarWorkAsync(CancellationToken cancellationToken) =>
        CountAsync("SELECT COUNT(*) FROM work_items WHERE Kind LIKE 'calendar-%'", cancellationToken);

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
