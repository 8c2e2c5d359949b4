using Microsoft.Extensions.Options;
using Npgsql;
using PresenceBot.Storage;

namespace PresenceBot.WorkQueue;

/// <summary>
/// On PostgreSQL, where instances share the queue: this instance holds an advisory lock named after it for as long as
/// it lives, on a connection of its own. A process that dies (SIGKILL, a crash, a lost machine) loses its session and
/// the lock with it (the server ends the session moments after the connection goes), so the others soon see that its
/// leases hold nothing and free them, instead of letting its claimed work wait for the leases to run out (two
/// minutes). Only owners named like this instance ("l…", never a plain hex id of a version without liveness) are
/// judged, so a rolling upgrade never frees a live old instance's work. An owner is judged dead only when its lock has
/// stayed free for two dead-instance checks: when the database restarts (a failover, a maintenance window) every session
/// ends at once, and a live instance takes its lock again at its next check; freeing its work in between would run what
/// it is still running a second time.
/// </summary>
internal sealed class InstanceLiveness(
    StorageOptions storage,
    IConfiguration configuration,
    WorkItemClaims claims,
    IOptions<WorkQueueOptions> options,
    TimeProvider time,
    ILogger<InstanceLiveness> logger) : IAsyncDisposable
{
    /// <summary>The first key of every instance's lock (the second is a hash of its name).</summary>
    internal const int KeySpace = PostgresClusterLock.KeySpace + 1;

    private const string LeaseOwners = """
        SELECT DISTINCT split_part("LeaseOwner", ':', 1) FROM work_items WHERE "LeaseOwner" LIKE 'l%:%'
        """;

    private const string FreeLeases = """
        UPDATE work_items SET "LeaseUntil" = NULL, "LeaseOwner" = NULL WHERE "LeaseOwner" LIKE @owner || ':%'
        """;

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Owners whose lock was free at the last check, and since when (this instance's clock).</summary>
    private readonly Dictionary<string, DateTimeOffset> _seenFree = new(StringComparer.Ordinal);
    private NpgsqlConnection? _connection;

    private TimeSpan Grace => 2 * options.Value.DeadInstanceCheck;

    public bool Applies => storage.Provider == StorageProvider.Postgres;

    /// <summary>Takes (or takes again, after the database was away) this instance's lock; the worker claims nothing before.</summary>
    public async Task HoldAsync(CancellationToken cancellationToken)
    {
        if (!Applies)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await HeldConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Frees the leases of every instance whose lock is free (it is gone); returns how many were freed.</summary>
    public async Task<int> FreeDeadInstancesLeasesAsync(CancellationToken cancellationToken)
    {
        if (!Applies)
        {
            return 0;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await HeldConnectionAsync(cancellationToken).ConfigureAwait(false);
            var owners = new List<string>();
            await using (var list = new NpgsqlCommand(LeaseOwners, connection))
            await using (var reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    owners.Add(reader.GetString(0));
                }
            }

            var now = time.GetUtcNow();
            foreach (var gone in _seenFree.Keys.Except(owners).ToList())
            {
                _seenFree.Remove(gone);
            }

            var freed = 0;
            foreach (var owner in owners.Where(o => o != claims.Instance))
            {
                if (!await LockAsync(connection, "pg_try_advisory_lock", owner, cancellationToken).ConfigureAwait(false))
                {
                    _seenFree.Remove(owner); // Alive: its lock is held.
                    continue;
                }

                try
                {
                    if (!_seenFree.TryGetValue(owner, out var since))
                    {
                        _seenFree[owner] = now;
                        continue;
                    }

                    if (now - since < Grace)
                    {
                        continue; // Free, but perhaps only because the database restarted: give it time to take it again.
                    }

                    await using var free = new NpgsqlCommand(FreeLeases, connection);
                    free.Parameters.AddWithValue("owner", owner);
                    var rows = await free.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    freed += rows;
                    _seenFree.Remove(owner);
                    WorkQueueLog.DeadInstanceLeasesFreed(logger, owner, rows);
                }
                finally
                {
                    await LockAsync(connection, "pg_advisory_unlock", owner, CancellationToken.None).ConfigureAwait(false);
                }
            }

            return freed;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }

        _gate.Dispose();
    }

    /// <summary>The open connection holding this instance's lock; a broken one is replaced and the lock taken again.</summary>
    private async Task<NpgsqlConnection> HeldConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is { State: System.Data.ConnectionState.Open })
        {
            try
            {
                await using var ping = new NpgsqlCommand("SELECT 1", _connection);
                await ping.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                return _connection;
            }
            catch (NpgsqlException)
            {
                // The session is gone (the database restarted): a new one takes the lock again below.
            }
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }

        // Unpooled: the session must end when this process does, and never be handed to anyone else.
        var builder = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString(StorageSetup.ConnectionStringName)) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await TakeOwnAsync(connection, claims.Instance, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Not swallowed: the caller retries; a half-open connection must not stay.
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _connection = connection;
        return connection;
    }

    /// <summary>Runs <c>pg_try_advisory_lock</c> or <c>pg_advisory_unlock</c> on an owner's key; true when it succeeded.</summary>
    private static async Task<bool> LockAsync(NpgsqlConnection connection, string function, string owner, CancellationToken cancellationToken)
    {
#pragma warning disable CA2100 // The function name is one of this class's constants.
        await using var command = new NpgsqlCommand($"SELECT {function}(@space, hashtext(@owner))", connection);
#pragma warning restore CA2100
        command.Parameters.AddWithValue("space", KeySpace);
        command.Parameters.AddWithValue("owner", owner);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }

    /// <summary>Waits for this instance's own key (free unless a process of the same name still lives).</summary>
    private static async Task TakeOwnAsync(NpgsqlConnection connection, string owner, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT 1 FROM (SELECT pg_advisory_lock(@space, hashtext(@owner))) taken", connection);
        command.Parameters.AddWithValue("space", KeySpace);
        command.Parameters.AddWithValue("owner", owner);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
