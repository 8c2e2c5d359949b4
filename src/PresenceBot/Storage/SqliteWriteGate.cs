using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PresenceBot.Storage;

/// <summary>
/// One SQLite write transaction at a time in this process, the others waiting their turn here (requests before background
/// work, each in order: <see cref="WriteTurns"/>) instead of in
/// SQLite's busy handler. SQLite has one writer; Microsoft.Data.Sqlite begins every transaction IMMEDIATE (it takes the
/// write lock at once), and a writer that finds it taken sleeps in SQLite's busy handler in growing steps (up to 100 ms)
/// however soon the lock is free again. With the work queue's many workers (publishing, the outbox, re-reads, the
/// webhook and the API all writing) those sleeps, not the writes, were where the time went (measured: thread time waiting
/// in <c>SqliteDataReader.NextResult</c> and <c>sqlite3_step</c> under the publish load run, docs/performance.md).
/// A transaction holds the turn from its begin (which this interceptor makes itself, so a begin that fails gives the
/// turn back at once) to its commit or roll-back, or their failure; a write outside a transaction (an INSERT, UPDATE,
/// DELETE or REPLACE in autocommit) holds it while it runs, until its reader is disposed. Anything still held when its
/// connection closes, opens again (a pooled context closes without telling interceptors) or is disposed is given back
/// then. A wait longer than <see cref="MostWait"/> goes on without the gate, to SQLite's own busy handling as before,
/// so nothing can wait here forever. SQLite only: PostgreSQL has row locks and many writers.
/// </summary>
internal sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbConnectionInterceptor, IDbCommandInterceptor
{
    /// <summary>As long as the connections' <c>busy_timeout</c>: a write that waits this long is stuck behind something else.</summary>
    public static readonly TimeSpan MostWait = TimeSpan.FromSeconds(5);

    private const int NotHeld = 0;
    private const int ByTransaction = 1;
    private const int ByStatement = 2;
    private const int ByEither = ByTransaction | ByStatement;

    private readonly WriteTurns _gate = new();
    private readonly ConditionalWeakTable<DbConnection, Holder> _holders = [];

    /// <summary>Whether a write has the turn now (for tests of the hand-overs).</summary>
    internal bool IsHeld => _gate.IsHeld;

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (result.HasResult)
        {
            return result;
        }

        Held(connection, _gate.Wait(MostWait), ByTransaction);
        try
        {
            return InterceptionResult<DbTransaction>.SuppressWithResult(connection.BeginTransaction(eventData.IsolationLevel));
        }
        catch
        {
            Release(connection, ByTransaction);
            throw;
        }
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (result.HasResult)
        {
            return result;
        }

        Held(connection, await _gate.WaitAsync(MostWait, cancellationToken).ConfigureAwait(false), ByTransaction);
        try
        {
            return InterceptionResult<DbTransaction>.SuppressWithResult(
                await connection.BeginTransactionAsync(eventData.IsolationLevel, cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            Release(connection, ByTransaction);
            throw;
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction, eventData);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction, eventData);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(transaction, eventData);
        return Task.CompletedTask;
    }

    /// <summary>A failed commit or roll-back ends the turn; a failed savepoint does not (the transaction goes on).</summary>
    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        if (EndsTransaction(eventData))
        {
            Release(transaction, eventData);
        }
    }

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(connection, ByEither);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(connection, ByEither);
        return Task.CompletedTask;
    }

    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection, ByEither);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Release(connection, ByEither);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection, ByEither);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection, ByEither);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Entered(command, result);

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        EnteredAsync(command, result, cancellationToken);

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => Ran(command, result);

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Ran(command, result));

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Entered(command, result);

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        EnteredAsync(command, result, cancellationToken);

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) => Ran(command, result);

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Ran(command, result));

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Entered(command, result);

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        EnteredAsync(command, result, cancellationToken);

    /// <summary>An autocommit statement commits when its reader lets go of it (INSERT … RETURNING reads rows).</summary>
    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result) =>
        Ran(command, result);

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Release(command.Connection, ByStatement);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(command.Connection, ByStatement);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Release(command.Connection, ByStatement);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(command.Connection, ByStatement);
        return Task.CompletedTask;
    }

    /// <summary>A statement that writes and runs in autocommit: inside a transaction the transaction holds the gate already.</summary>
    internal static bool IsAutocommitWrite(DbCommand command) =>
        command.Transaction is null && command.Connection is not null && StartsWithWrite(command.CommandText);

    internal static bool StartsWithWrite(string? sql)
    {
        var text = sql.AsSpan().TrimStart();
        return text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase) || text.StartsWith("REPLACE", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Takes the turn for an autocommit write (see <see cref="IsAutocommitWrite"/>); passes <paramref name="result"/> on.</summary>
    private T Entered<T>(DbCommand command, T result)
    {
        if (IsAutocommitWrite(command))
        {
            Held(command.Connection!, _gate.Wait(MostWait), ByStatement);
        }

        return result;
    }

    private async ValueTask<T> EnteredAsync<T>(DbCommand command, T result, CancellationToken cancellationToken)
    {
        if (IsAutocommitWrite(command))
        {
            Held(command.Connection!, await _gate.WaitAsync(MostWait, cancellationToken).ConfigureAwait(false), ByStatement);
        }

        return result;
    }

    /// <summary>The statement is over: a turn it took goes back; passes <paramref name="result"/> on.</summary>
    private T Ran<T>(DbCommand command, T result)
    {
        Release(command.Connection, ByStatement);
        return result;
    }

    private void Held(DbConnection connection, bool entered, int by)
    {
        if (entered)
        {
            _holders.GetValue(connection, _ => new Holder()).Holds = by;
        }
    }

    private static bool EndsTransaction(TransactionErrorEventData eventData) =>
        eventData.Action is "Commit" or "Rollback";

    /// <summary>The transaction's connection (a finished SQLite transaction no longer names it, its context does).</summary>
    private void Release(DbTransaction transaction, TransactionEventData eventData)
    {
        if ((eventData.Context?.Database.GetDbConnection() ?? transaction.Connection) is { } connection)
        {
            Release(connection, ByTransaction);
        }
    }

    /// <summary>
    /// Gives the gate back once, whichever of the ends comes first — only what took it can give it back: a statement
    /// inside a transaction ending does not end the transaction's turn.
    /// </summary>
    private void Release(DbConnection? connection, int by)
    {
        if (connection is null || !_holders.TryGetValue(connection, out var holder))
        {
            return;
        }

        var holds = Volatile.Read(ref holder.Holds);
        if (holds != NotHeld && (holds & by) != 0 && Interlocked.CompareExchange(ref holder.Holds, NotHeld, holds) == holds)
        {
            _gate.Release();
        }
    }

    private sealed class Holder
    {
        public int Holds;
    }
}
