using Microsoft.EntityFrameworkCore;
using NodaTime;
using PresenceBot.Storage;

namespace PresenceBot.WorkQueue;

/// <summary>
/// A worker's side of <c>work_items</c>: claim due items with a lease, then complete, fail (back-off or dead letter) or
/// release them. Every step after the claim names the claim (<see cref="WorkItem.LeaseOwner"/>), so a worker whose
/// lease ran out can no longer touch an item someone else has claimed since.
/// </summary>
internal sealed class WorkItemClaims(IDbContextFactory<PresenceBotDbContext> contexts, TimeProvider time)
{
    // PostgreSQL (several instances): rows another claim has locked are skipped, not waited for.
    private const string PostgresClaim = """
        UPDATE work_items SET "LeaseUntil" = {0}, "LeaseOwner" = {1}, "Attempts" = "Attempts" + 1
        WHERE "Id" IN (
            SELECT "Id" FROM work_items
            WHERE "Kind" = {2} AND "DueAt" <= {3} AND ("LeaseUntil" IS NULL OR "LeaseUntil" <= {3})
            ORDER BY "DueAt", "Id" LIMIT {4}
            FOR UPDATE SKIP LOCKED)
        """;

    // SQLite (one instance, one writer): a single UPDATE is atomic.
    private const string SqliteClaim = """
        UPDATE work_items SET "LeaseUntil" = {0}, "LeaseOwner" = {1}, "Attempts" = "Attempts" + 1
        WHERE "Id" IN (
            SELECT "Id" FROM work_items
            WHERE "Kind" = {2} AND "DueAt" <= {3} AND ("LeaseUntil" IS NULL OR "LeaseUntil" <= {3})
            ORDER BY "DueAt", "Id" LIMIT {4})
        """;

    /// <summary>Compiled, as every kind's loop looks after every run: whether anything of a kind is due and unleased.</summary>
    private static readonly CompiledPerModel<Func<PresenceBotDbContext, string, Instant, CancellationToken, Task<bool>>> AnyDue = new(() =>
        EF.CompileAsyncQuery((PresenceBotDbContext db, string kind, Instant now, CancellationToken cancellationToken) =>
            db.WorkItems.Any(w => w.Kind == kind && w.DueAt <= now && (w.LeaseUntil == null || w.LeaseUntil <= now))));

    /// <summary>A claim's rows, oldest due first.</summary>
    private static readonly CompiledPerModel<Func<PresenceBotDbContext, string, IAsyncEnumerable<WorkItemRow>>> Claimed = new(() =>
        EF.CompileAsyncQuery<PresenceBotDbContext, string, WorkItemRow>((db, owner) =>
            db.WorkItems.AsNoTracking().Where(w => w.LeaseOwner == owner).OrderBy(w => w.DueAt).ThenBy(w => w.Id)));

    /// <summary>This process's name in every claim it makes; "l" marks an instance that holds a liveness lock (<see cref="InstanceLiveness"/>).</summary>
    public string Instance { get; } = "l" + Guid.NewGuid().ToString("N")[..12];
    private long _claims;

    private Instant Now => Instant.FromDateTimeOffset(time.GetUtcNow());

    /// <summary>
    /// SQLite serves one instance only, so at its start every lease in the table is a dead process's: free them at
    /// once instead of waiting for them to run out (the crashed claim still counts as an attempt).
    /// </summary>
    public async Task ReleaseOrphanedLeasesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (db is not PostgresPresenceBotDbContext)
        {
            await db.WorkItems.Where(w => w.LeaseOwner != null)
                .ExecuteUpdateAsync(w => w.SetProperty(x => x.LeaseUntil, (Instant?)null).SetProperty(x => x.LeaseOwner, (string?)null), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>Claims up to <paramref name="max"/> due items of <paramref name="kind"/>, oldest due first.</summary>
    public async Task<IReadOnlyList<WorkItem>> ClaimAsync(WorkKind kind, int max, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);

        // Look before claiming: a read costs no commit, and most looks (a wake-up after every run, each poll) find
        // nothing due; on SQLite every empty claim was still a turn at the one writer.
        if (!await AnyDue.For(db)(db, kind.Name, now, cancellationToken).ConfigureAwait(false))
        {
            return [];
        }

        var owner = $"{Instance}:{Interlocked.Increment(ref _claims)}";
        var claimed = await db.Database.ExecuteSqlRawAsync(
            db is PostgresPresenceBotDbContext ? PostgresClaim : SqliteClaim,
            [WorkItems.Time(db, now + Duration.FromTimeSpan(kind.Lease)), owner, kind.Name, WorkItems.Time(db, now), max],
            cancellationToken).ConfigureAwait(false);
        if (claimed == 0)
        {
            return [];
        }

        // Oldest due first, as claimed: the loop starts them in this order and keeps the rest waiting for a slot.
        var items = new List<WorkItem>(claimed);
        await foreach (var r in Claimed.For(db)(db, owner).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            items.Add(new WorkItem(r.Id, r.Kind, r.Key, r.Payload, r.Attempts, r.Generation, owner, r.CreatedAt, kind.Gather));
        }

        return items;
    }

    /// <summary>
    /// Done: the item goes, unless it was asked for again during the run; then it waits again with a clean slate,
    /// due now (or after its kind's <see cref="WorkKind.Gather"/>): at the back of the line, so a key asked for without
    /// pause (a burst for one person) cannot keep the others waiting by its older due time. Its <see cref="WorkItem.FollowUps"/> are enqueued in the same transaction.
    /// Returns true when it went.
    /// </summary>
    public async Task<bool> CompleteAsync(WorkItem item, CancellationToken cancellationToken) =>
        (await CompleteAsync([item], cancellationToken).ConfigureAwait(false))[0];

    /// <summary>
    /// Completes <paramref name="items"/> (each as <see cref="CompleteAsync(WorkItem, CancellationToken)"/>) in one
    /// transaction: one commit for all the runs that ended meanwhile. The <c>work_items</c> rows it writes (the items and
    /// their follow-ups) in one order, by kind and then key (ordinal), which is also the order a referral change enqueues its
    /// work in (<see cref="EfReferralStore"/>): on PostgreSQL, two batches, or a batch and a change, wait for each other
    /// over those rows instead of deadlocking. The runs' own <see cref="WorkItem.Records"/> come last and may touch other
    /// tables in any order; a deadlock there is still possible, and PostgreSQL ends it by aborting one side, which retries
    /// (a batch: completed again item by item, <see cref="GroupCommit{TItem, TResult}"/>; a change: planned again, <see cref="LockConflict"/>).
    /// </summary>
    public async Task<IReadOnlyList<bool>> CompleteAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var now = Now;
        var gone = new Dictionary<WorkItem, bool>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = items.Count > 1 || items.Any(i => i.FollowUps.Count > 0 || i.Records.Count > 0)
            ? await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false)
            : null;
        var steps = items.Select(i => (i.Kind, i.Key, Done: (WorkItem?)i, Asked: (WorkRequest?)null))
            .Concat(items.SelectMany(i => i.FollowUps).Select(r => (Kind: r.Kind.Name, r.Key, Done: (WorkItem?)null, Asked: (WorkRequest?)r)))
            .OrderBy(s => s.Kind, StringComparer.Ordinal).ThenBy(s => s.Key, StringComparer.Ordinal).ThenBy(s => s.Done is null);
        // Follow-ups next to each other in that order go in one statement.
        var asking = new List<WorkRequest>();
        foreach (var (_, _, done, asked) in steps)
        {
            if (asked is not null)
            {
                asking.Add(asked);
                continue;
            }

            await WorkItems.UpsertAsync(db, asking, now, cancellationToken).ConfigureAwait(false);
            asking.Clear();
            gone[done!] = await CompleteOneAsync(db, done!, now, cancellationToken).ConfigureAwait(false);
        }

        await WorkItems.UpsertAsync(db, asking, now, cancellationToken).ConfigureAwait(false);

        foreach (var write in items.SelectMany(i => i.Records))
        {
            await write(db, cancellationToken).ConfigureAwait(false);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return items.Select(i => gone[i]).ToList();
    }

    private static async Task<bool> CompleteOneAsync(PresenceBotDbContext db, WorkItem item, Instant now, CancellationToken cancellationToken)
    {
        // Raw SQL, one per finished run: no LINQ to translate (perf at 1,000 notifications/s put 4.9 % of the service's CPU
        // in this method, most of it in EF, docs/performance.md issue 11).
        var deleted = await db.Database.ExecuteSqlRawAsync(
            """DELETE FROM work_items WHERE "Id" = {0} AND "LeaseOwner" = {1} AND "Generation" = {2}""",
            [item.Id, item.LeaseOwner, item.Generation], cancellationToken).ConfigureAwait(false);
        if (deleted > 0)
        {
            return true;
        }

        await db.WorkItems.Where(w => w.Id == item.Id && w.LeaseOwner == item.LeaseOwner)
            .ExecuteUpdateAsync(
                w => w.SetProperty(x => x.LeaseUntil, (Instant?)null).SetProperty(x => x.LeaseOwner, (string?)null)
                    .SetProperty(x => x.Attempts, 0).SetProperty(x => x.FirstError, (string?)null).SetProperty(x => x.LastError, (string?)null)
                    .SetProperty(x => x.CreatedAt, now).SetProperty(x => x.DueAt, now + Duration.FromTimeSpan(item.Gather)),
                cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>
    /// Failed: back off and retry, or, past the kind's attempts or age, move to the dead letters. Returns true when
    /// the item became a dead letter.
    /// </summary>
    public async Task<bool> FailAsync(WorkItem item, WorkKind kind, string error, CancellationToken cancellationToken)
    {
        var now = Now;
        error = error.Length > WorkQueueRowsConfiguration.MaxErrorLength ? error[..WorkQueueRowsConfiguration.MaxErrorLength] : error;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (item.Attempt >= kind.MaxAttempts || now - item.CreatedAt >= Duration.FromTimeSpan(kind.MaxAge))
        {
            var row = await db.WorkItems.FirstOrDefaultAsync(w => w.Id == item.Id && w.LeaseOwner == item.LeaseOwner, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                // The lease ran out and another claim holds it now: theirs to finish.
                return false;
            }

            if (row.Generation != item.Generation)
            {
                // Asked for again during this last run: that request is new work, accepted after the failures began, and
                // it does what the failed work would have done. It starts over (with a first back-off) instead of dying.
                row.LeaseUntil = null;
                row.LeaseOwner = null;
                row.Attempts = 0;
                row.FirstError = null;
                row.LastError = error;
                row.CreatedAt = now;
                row.DueAt = now + Duration.FromTimeSpan(kind.FirstRetryDelay);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }

            // One dead letter per key: a key that dies again (a person whose calendar stays unreadable, asked for again
            // every night) replaces its earlier one, keeping when and why it first failed, so the table cannot grow
            // by a row per key per day while the cause lasts.
            var earlier = await db.DeadLetters.Where(d => d.Kind == row.Kind && d.Key == row.Key).ToListAsync(cancellationToken).ConfigureAwait(false);
            var first = earlier.OrderBy(d => d.CreatedAt).FirstOrDefault();
            db.DeadLetters.RemoveRange(earlier);
            db.DeadLetters.Add(new DeadLetterRow
            {
                Kind = row.Kind,
                Key = row.Key,
                Payload = row.Payload,
                Attempts = row.Attempts + earlier.Sum(d => d.Attempts),
                FirstError = first?.FirstError ?? row.FirstError ?? error,
                LastError = error,
                CreatedAt = first?.CreatedAt ?? row.CreatedAt,
                DeadAt = now,
            });
            db.WorkItems.Remove(row);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }

        var retryAt = now + Duration.FromTimeSpan(RetryDelay.After(item.Attempt, kind.FirstRetryDelay, kind.MaxRetryDelay, Random.Shared.NextDouble()));
        await db.WorkItems.Where(w => w.Id == item.Id && w.LeaseOwner == item.LeaseOwner)
            .ExecuteUpdateAsync(
                w => w.SetProperty(x => x.LeaseUntil, (Instant?)null).SetProperty(x => x.LeaseOwner, (string?)null)
                    .SetProperty(x => x.DueAt, retryAt).SetProperty(x => x.LastError, error)
                    .SetProperty(x => x.FirstError, x => x.FirstError ?? error),
                cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>Hands an unfinished item back (shutting down): claimable at once, and this claim does not count as an attempt.</summary>
    public async Task ReleaseAsync(WorkItem item, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.WorkItems.Where(w => w.Id == item.Id && w.LeaseOwner == item.LeaseOwner)
            .ExecuteUpdateAsync(
                w => w.SetProperty(x => x.LeaseUntil, (Instant?)null).SetProperty(x => x.LeaseOwner, (string?)null).SetProperty(x => x.Attempts, x => x.Attempts - 1),
                cancellationToken).ConfigureAwait(false);
    }
}
