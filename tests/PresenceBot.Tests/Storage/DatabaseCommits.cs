using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PresenceBot.Tests.Storage;

/// <summary>
/// Counts what costs a commit on the database: every committed transaction, and every writing statement run outside one
/// (it commits on its own). Reads are free. Thread-safe: a host's background work runs on many threads.
/// </summary>
internal sealed class DatabaseCommits : DbCommandInterceptor, IDbTransactionInterceptor
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _what = new();
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbTransaction, string> _firstWrite = [];
    private int _commits;

    public int Count => Volatile.Read(ref _commits);

    /// <summary>What each commit was (its first writing statement, shortened), most frequent first: for a failure message.</summary>
    public string Breakdown => string.Join(
        "\n", _what.GroupBy(w => w, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => $"{g.Count(),4} {g.Key}"));

    public void Reset()
    {
        Interlocked.Exchange(ref _commits, 0);
        _what.Clear();
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        CountIfAutocommitWrite(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        CountIfAutocommitWrite(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        CountIfAutocommitWrite(command);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        CountIfAutocommitWrite(command);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(transaction);
        return Task.CompletedTask;
    }

    private void Committed(DbTransaction transaction)
    {
        Interlocked.Increment(ref _commits);
        _what.Enqueue("tx: " + (_firstWrite.TryGetValue(transaction, out var first) ? first : "(reads only)"));
    }

    private static string Short(string text)
    {
        var line = string.Join(' ', text.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
        return line.Length > 90 ? line[..90] : line;
    }

    private void CountIfAutocommitWrite(DbCommand command)
    {
        var text = command.CommandText.TrimStart();
        if (text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("WITH", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (command.Transaction is { } transaction)
        {
            _firstWrite.TryAdd(transaction, Short(text));
            return;
        }

        Interlocked.Increment(ref _commits);
        _what.Enqueue(Short(text));
    }
}
