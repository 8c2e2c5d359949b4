using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using PresenceBot.Storage;

namespace PresenceBot.WorkQueue;

/// <summary>
/// Puts work into <c>work_items</c>, inside the caller's transaction where the work belongs to a change. Asking for a
/// key that is already waiting adds nothing (at most it becomes due sooner); asking for one that is being worked on
/// makes it run once more after the current run. A key in back-off keeps its back-off: its retry does the new work too.
/// </summary>
internal sealed class WorkItems(IDbContextFactory<PresenceBotDbContext> contexts, WorkQueueSignal signal, TimeProvider time)
{
    // One statement for both providers, for any number of requests: the unique (Kind, Key) index is the coalescing. No
    // payload travels as '' (EF's raw SQL cannot type a null parameter), so an empty payload is no payload.
    private const string Insert = """INSERT INTO work_items ("Kind", "Key", "Payload", "DueAt", "Generation", "Attempts", "CreatedAt") VALUES """;

    /// <summary>
    /// Rows per statement, four parameters each: SQLite takes at most 32,766 parameters in one statement and Npgsql 65,535,
    /// and a re-read of everyone (the nightly one, the one at start) asks for one row per coupled person.
    /// </summary>
    internal const int MaxRowsPerStatement = 1000;

    private const string OnConflict = """
         ON CONFLICT ("Kind", "Key") DO UPDATE SET
            "Generation" = work_items."Generation" + 1,
            "Payload" = COALESCE(excluded."Payload", work_items."Payload"),
            "DueAt" = CASE WHEN work_items."Attempts" = 0 AND excluded."DueAt" < work_items."DueAt" THEN excluded."DueAt" ELSE work_items."DueAt" END
        """;

    /// <summary>The look, compiled: it runs for every webhook call (a fifth of the service's CPU at 1,000 a second when not).</summary>
    private static readonly CompiledPerModel<Func<PresenceBotDbContext, string, List<string>, IAsyncEnumerable<Waiting>>> WaitingQuery = new(() =>
        EF.CompileAsyncQuery((PresenceBotDbContext db, string kind, List<string> keys) =>
            db.WorkItems.AsNoTracking()
                .Where(w => w.Kind == kind && keys.Contains(w.Key) && w.LeaseOwner == null)
                .Select(w => new Waiting(w.Key, w.DueAt, w.Attempts, w.Payload))));

    private sealed record Waiting(string Key, Instant DueAt, int Attempts, string? Payload);

    private GroupCommit<IReadOnlyCollection<WorkRequest>, bool>? _enqueues;

    private Instant Now => Instant.FromDateTimeOffset(time.GetUtcNow());

    /// <summary>
    /// Enqueues on <paramref name="db"/>'s connection and in its current transaction, so the work commits (or rolls back)
    /// with the caller's change. Call <see cref="Wake"/> after the commit.
    /// </summary>
    public async Task EnqueueAsync(PresenceBotDbContext db, IReadOnlyCollection<WorkRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(requests);
        await UpsertAsync(db, requests, Now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The enqueue itself, on <paramref name="db"/>'s connection and transaction (also a completion's follow-ups): one
    /// statement for all of <paramref name="requests"/> (per <see cref="MaxRowsPerStatement"/>), which on SQLite's one
    /// writer is one statement's time in the write turn instead of one per request. Its rows are written in the order given (callers keep kind, then key,
    /// <see cref="WorkItemClaims.CompleteAsync(IReadOnlyList{WorkItem}, CancellationToken)"/>); a key asked for twice is
    /// asked once, due at the sooner and with the later payload (PostgreSQL refuses a statement that updates a row twice).
    /// </summary>
    internal static async Task UpsertAsync(PresenceBotDbContext db, IReadOnlyCollection<WorkRequest> requests, Instant now, CancellationToken cancellationToken)
    {
        if (requests.Count == 0)
        {
            return;
        }

        var rows = requests
            .GroupBy(r => (r.Kind.Name, r.Key))
            .Select(g => (g.Key.Name, g.Key.Key, Payload: g.LastOrDefault(r => !string.IsNullOrEmpty(r.Payload))?.Payload ?? string.Empty, DueAt: g.Min(r => r.DueFrom(now))))
            .ToList();
        foreach (var chunk in rows.Chunk(MaxRowsPerStatement))
        {
            var sql = new StringBuilder(Insert);
            var arguments = new List<object>(1 + (chunk.Length * 4)) { Time(db, now) };
            foreach (var (kind, key, payload, dueAt) in chunk)
            {
                var at = arguments.Count;
                sql.Append(at == 1 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({{{at}}}, {{{at + 1}}}, NULLIF({{{at + 2}}}, ''), {{{at + 3}}}, 0, 0, {{0}})");
                arguments.AddRange([kind, key, payload, Time(db, dueAt)]);
            }

            await db.Database.ExecuteSqlRawAsync(sql.Append(OnConflict).ToString(), arguments, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One item per event (no coalescing: <paramref name="key"/> must be unique, e.g. the event's id), added to
    /// <paramref name="db"/>'s change tracker so the caller's <c>SaveChanges</c> commits it with the change.
    /// </summary>
    public void Add(PresenceBotDbContext db, WorkKind kind, string key, string payload)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(kind);
        var now = Now;
        db.WorkItems.Add(new WorkItemRow { Kind = kind.Name, Key = key, Payload = payload, DueAt = now, CreatedAt = now });
    }

    /// <summary>
    /// Enqueues all <paramref name="requests"/> in one transaction of its own and wakes the workers. Requests asked for
    /// while another such enqueue is being written are written together in the next (<see cref="GroupCommit{TItem, TResult}"/>):
    /// at a thousand webhook calls a second, one commit each was the writer's queue the answers waited in. Not
    /// cancellable once past the look: a caller that answers "recorded" never gets a half-known outcome.
    /// </summary>
    public async Task EnqueueAsync(IReadOnlyCollection<WorkRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            return;
        }

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            requests = await NotYetWaitingAsync(db, requests, cancellationToken).ConfigureAwait(false);
        }

        if (requests.Count > 0)
        {
            await LazyInitializer.EnsureInitialized(ref _enqueues, () => new(WriteTogetherAsync)).WriteAsync(requests).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<bool>> WriteTogetherAsync(IReadOnlyList<IReadOnlyCollection<WorkRequest>> batch)
    {
        var requests = batch.SelectMany(r => r).OrderBy(r => r.Kind.Name, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        await using (var db = await contexts.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false))
        {
            // One statement commits on its own, however many webhook calls' requests it carries; more than one (a re-read of
            // everyone) commit together.
            await using var transaction = requests.Count > MaxRowsPerStatement
                ? await db.Database.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false)
                : null;
            await EnqueueAsync(db, requests, CancellationToken.None).ConfigureAwait(false);
            if (transaction is not null)
            {
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }

        foreach (var kind in requests.Select(r => r.Kind).DistinctBy(k => k.Name))
        {
            Wake(kind);
        }

        return [.. batch.Select(_ => true)];
    }

    /// <summary>
    /// <paramref name="requests"/> without those the table already holds as asked (waiting, not being run, due no later,
    /// same payload): writing them would change nothing but the generation, which matters only to a run in progress, and
    /// would cost a commit. A read is free. Work found waiting runs after this look, so it sees what caused the request.
    /// </summary>
    private async Task<IReadOnlyCollection<WorkRequest>> NotYetWaitingAsync(
        PresenceBotDbContext db, IReadOnlyCollection<WorkRequest> requests, CancellationToken cancellationToken)
    {
        var now = Now;
        var remaining = new List<WorkRequest>(requests.Count);
        foreach (var kind in requests.GroupBy(r => r.Kind.Name, StringComparer.Ordinal))
        {
            var waiting = new Dictionary<string, Waiting>(StringComparer.Ordinal);
            await foreach (var row in WaitingQuery.For(db)(db, kind.Key, kind.Select(r => r.Key).ToList()).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                waiting[row.Key] = row;
            }

            remaining.AddRange(kind.Where(r => !(waiting.TryGetValue(r.Key, out var row)
                && (row.Attempts > 0 || row.DueAt <= r.DueFrom(now))
                && (string.IsNullOrEmpty(r.Payload) || r.Payload == row.Payload))));
        }

        return remaining;
    }

    /// <summary>
    /// Wakes this instance's worker for <paramref name="kind"/> (after a commit; other instances poll), when what was
    /// asked for is due: at once, or after the kind's <see cref="WorkKind.Gather"/>.
    /// </summary>
    public void Wake(WorkKind kind) => signal.Wake(kind);

    /// <summary>SQLite has no instant type: the model stores Unix ticks there, and raw SQL must too.</summary>
    internal static object Time(PresenceBotDbContext db, Instant instant) =>
        db is PostgresPresenceBotDbContext ? instant : instant.ToUnixTimeTicks();
}
