using Npgsql;
using PresenceBot.CalendarSync.Coordination;

namespace PresenceBot.Storage;

/// <summary>
/// <see cref="IClusterLock"/> for instances sharing PostgreSQL: a session advisory lock on a connection held for as long
/// as the lock. If the holder dies, PostgreSQL ends its session and the lock is free again; nothing is left to clean up.
/// The connection is never pooled: a pooled one goes back to the pool with its session — and a lock taken just as the
/// acquiring was cancelled — still alive, where closing an unpooled one ends the session and every lock it held.
/// Keepalive probes notice a holder whose machine vanished without closing its connection.
/// </summary>
internal sealed class PostgresClusterLock(string connectionString) : IClusterLock
{
    private readonly string _unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 10 }.ConnectionString;

    /// <summary>The first half of every advisory key this service takes ("PBot"), so its locks never meet another application's.</summary>
    public const int KeySpace = 0x50426F74;

    public async Task<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_unpooled);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@space, hashtext(@name))", connection);
            command.Parameters.AddWithValue("space", KeySpace);
            command.Parameters.AddWithValue("name", name);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new Held(connection, name);
        }
        catch
        {
            // Not swallowed: the connection (and with it any half-taken lock) goes, the caller sees the failure.
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection connection, string name) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@space, hashtext(@name))", connection);
                command.Parameters.AddWithValue("space", KeySpace);
                command.Parameters.AddWithValue("name", name);
                await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                // The session is gone already, and its locks with it.
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
