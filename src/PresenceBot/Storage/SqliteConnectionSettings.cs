using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PresenceBot.Storage;

/// <summary>
/// Per-connection SQLite settings, applied when EF opens a connection whose native SQLite connection has not had them
/// yet (pooled native connections keep them; applying them on every open was a statement per query, measured under
/// the publish load run):
/// <list type="bullet">
/// <item><c>synchronous=NORMAL</c>: in WAL mode (see <see cref="DatabaseMigrator"/>) a commit is in the WAL file
/// before the call returns, so it survives the process crashing or being killed right after the webhook's 202,
/// which is what the inbox promises. Only an OS crash or power loss can lose the last commits; FULL would add an
/// fsync to every commit, one per webhook call, and that fsync was the webhook's latency under load.</item>
/// <item><c>busy_timeout</c>: a writer that finds the write lock taken waits inside SQLite (in steps of a few ms)
/// instead of failing at once and being retried by Microsoft.Data.Sqlite after a fixed 150 ms sleep.</item>
/// </list>
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";

    public static SqliteConnectionSettings Instance { get; } = new();

    /// <summary>The native connections (Microsoft.Data.Sqlite's pooled handles) that have the settings; gone with them.</summary>
    private readonly ConditionalWeakTable<object, object> _settled = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (Settled(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Settle(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Settled(connection))
        {
            return;
        }

        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        Settle(connection);
    }

    /// <summary>Whether <paramref name="connection"/>'s native connection already has the settings (the pool lends it to one connection at a time).</summary>
    private bool Settled(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && _settled.TryGetValue(handle, out _);

    private void Settle(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            _settled.AddOrUpdate(handle, handle);
        }
    }
}
