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
    // One statement for both providers: the unique (Kind, Key) index is the coalescing. No payload travels as ''
    // (EF's raw SQL cannot type a null parameter), so an empty payload is no payload.
    private const string Upsert = """
        INSERT INTO work_items ("Kind", "Key", "Payload", "DueAt", "Generation", "Attempts", "CreatedAt")
        VALUES ({0}, {1}, NULLIF({2}, ''), {3}, 0, 0, {4})
        ON CONFLICT ("Kind", "Key") DO UPDATE SET
            "Generation" = work_items."Generation" + 1,
            "Payload" = COALESCE(excluded."Payload", work_items."Payload"),
            "DueAt" = CASE WHEN work_items."Attempts" = 0 AND excluded."DueAt" < work_items."DueAt" THEN excluded."DueAt" ELSE work_items."DueAt" END
        """;

    private Instant Now => Instant.FromDateTimeOffset(time.GetUtcNow());

    /// <summary>
    /// Enqueues on <paramref name="db"/>'s connection and in its current transaction, so the work commits (or rolls back)
    /// with the caller's change. Call <see cref="Wake"/> after the commit.
    /// </summary>
    public async Task EnqueueAsync(PresenceBotDbContext db, WorkRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var now = Now;
        await db.Database.ExecuteSqlRawAsync(
            Upsert,
            [request.Kind.Name, request.Key, request.Payload ?? string.Empty, Time(db, request.DueAt ?? now), Time(db, now)],
            cancellationToken).ConfigureAwait(false);
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

    /// <summary>Enqueues all <paramref name="requests"/> in one transaction of its own and wakes the workers.</summary>
    public async Task EnqueueAsync(IReadOnlyCollection<WorkRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var request in requests)
        {
            await EnqueueAsync(db, request, cancellationToken).ConfigureAwait(false);
        }

        // Not cancellable once the statements ran: a caller that answers "recorded" must not get a half-known outcome.
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        foreach (var kind in requests.Select(r => r.Kind).Distinct())
        {
            Wake(kind);
        }
    }

    /// <summary>Wakes this instance's worker for <paramref name="kind"/> (after a commit; other instances poll).</summary>
    public void Wake(WorkKind kind) => signal.Wake(kind.Name);

    /// <summary>SQLite has no instant type: the model stores Unix ticks there, and raw SQL must too.</summary>
    internal static object Time(PresenceBotDbContext db, Instant instant) =>
        db is PostgresPresenceBotDbContext ? instant : instant.ToUnixTimeTicks();
}
