using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using PresenceBot.Tests.Storage;
using PresenceBot.WorkQueue;

namespace PresenceBot.Tests.WorkQueue;

/// <summary>
/// The durable work queue over a real database, on both providers: coalescing, leases, crash at each step, back-off,
/// dead letters and replay. The clock is fake; nothing sleeps.
/// </summary>
public sealed class WorkQueueTests
{
    private static readonly WorkKind Kind = new("test") { Concurrency = 4, Lease = TimeSpan.FromSeconds(30), MaxAttempts = 3 };

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Asking_500_times_for_a_waiting_key_leaves_one_item_and_one_run(DbProvider provider)
    {
        await using var h = await WorkQueueHarness.CreateAsync(provider);
        await h.Items.EnqueueAsync(Enumerable.Range(0, 500).Select(_ => new WorkRequest(Kind, "kim")).ToList(), CancellationToken.None);
        await h.EnqueueAsync(Kind, "sara");

        var rows = await h.RowsAsync();
        Assert.Equal(["kim", "sara"], rows.Select(r => r.Key));
        // Asked 500 times in one call: one row, written by one statement (no generation per duplicate).
        Assert.Equal(0, rows[0].Generation);
        var handler = new RecordingHandler(Kind);
        Assert.Equal(2, await StorageHarness.RunUntilIdleAsync(h.NewWorker(handler), handler));
        Assert.Equal(["kim", "sara"], handler.Runs.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.Empty(await h.RowsAsync());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task One_enqueue_of_many_requests_writes_each_key_once_due_at_the_sooner_with_the_later_payload(DbProvider provider)
    {
        await using var h = await WorkQueueHarness.CreateAsync(provider);
        var other = Kind with { Name = "other" };
        var later = h.Now + Duration.FromMinutes(5);
        await h.EnqueueAsync(other, "sara");
        await using (var db = h.Database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await h.Items.EnqueueAsync(
                db,
                [
                    new WorkRequest(Kind, "kim", "payload-1", DueAt: later),
                    new WorkRequest(Kind, "kim", "payload-2", DueAt: later + Duration.FromMinutes(1)),
                    new WorkRequest(Kind, "kim", DueAt: later + Duration.FromMinutes(2)),
                    new WorkRequest(Kind, "lo", DueAt: later),
                    new WorkRequest(other, "sara", "payload-3"),
                ],
                CancellationToken.None);
            await transaction.CommitAsync();
        }

        var rows = (await h.RowsAsync()).OrderBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [("other", "sara", "payload-3", h.Now, 1), ("test", "kim", "payload-2", later, 0), ("test", "lo", (string?)null, later, 0)],
            rows.Select(r => (r.Kind, r.Key, r.Payload, r.DueAt, r.Generation)));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Asking_for_more_keys_at_once_than_one_statement_holds_enqueues_them_all(DbProvider provider)
    {
        // A re-read of everyone asks for one key per coupled person; SQLite takes at most 32,766 parameters a statement.
        await using var h = await WorkQueueHarness.CreateAsync(provider);
        var keys = Enumerable.Range(0, 8_500).Select(i => $"person-{i:D5}").ToList();
        await h.Items.EnqueueAsync(keys.Select(k => new WorkRequest(Kind, k)).ToList(), CancellationToken.None);

        Assert.Equal(keys, (await h.RowsAsync()).Select(r => r.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task A_burst_during_a_run_makes_exactly_one_more_run_after_it(DbProvider provider)
    {
        await using var h = await WorkQueueHarness.CreateAsync(provider);
        await h.EnqueueAsync(Kind, "kim");
        var handler = new RecordingHandler(Kind);
        handler.During = async item =>
        {
            if (handler.Runs.Count == 1)
            {
                await h.Items.EnqueueAsync(Enumerable.Range(0, 100).Select(_ => new WorkRequest(Kind, "kim")).ToList(), CancellationToken.None);
            }
        };
        var worker = h.NewWorker(handler);

        Assert.Equal(1, await worker.RunDueAsync(handler, CancellationToken.None));
        var waiting = Assert.Single(await h.RowsAsync());
        Assert.Equal((0, (Instant?)null), (waiting.Attempts, waiting.LeaseUntil));

        Assert.Equal(1, await worker.RunDueAsync(handler, CancellationToken.None));
        Assert.Equal(0, await worker.RunDueAsync(handler, CancellationToken.None));
        Assert.Equal(2, handler.Runs.Count);
        Assert.Empty(await h.RowsAsync());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task A_key_asked_for_during_its_run_waits_behind_keys_asked_for_meanwhile(DbProvider provider)
    {
        // A burst for one person must not starve the others: the re-run queues up behind who was asked for first.
        await using var h = await WorkQueueHarness.CreateAsync(provider);
        var one = Kind with { Concurrency = 1 };
        await h.EnqueueAsync(one, "hot");
        var handler = new RecordingHandler(one);
        handler.During = async item =>
        {
            if (handler.Runs.Count == 1)
            {
                h.Time.Advance(TimeSpan.FromSeconds(1));
                await h.EnqueueAsync(one, "hot");
                await h.EnqueueAsync(one, "cold");
                h.Time.Advance(TimeSpan.FromSeconds(1));
            }
        };
        var worker = h.NewWorker(handler);

        Assert.Equal(3, await StorageHarness.RunUntilIdleAsync(worker, handler));
        Assert.Equal(["hot", "cold", "hot"], handler.Runs.Select(r => r.Key));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task A_gathering_kind_runs_a_burst_asked_for_within_its_gather_once_a_gather_after_the_first_request(DbProvider provider)
    {
        await using var h = await WorkQueueHarness.CreateAsync(provider);
        var gathering = Kind with { Gather = TimeSpan.FromMilliseconds(200) };
        var handler = new RecordingHandler(gathering);
        var worker = h.NewWorker(handler);

        await h.EnqueueAsync(gathering, "kim");
        h.Time.Advance(TimeSpan.FromMilliseconds(150));
        await h.Items.EnqueueAsync(Enumerable.Range(0, 50).Select(_ => new WorkRequest(gathering, "kim")).ToList(), CancellationToken.None);
        Assert.Equal(0, await worker.RunDueAsync(handler, CancellationToken.None));

        h.Time.Advance(TimeSpan.FromMilliseconds(50));
        Assert.Equal(1, await worker.RunDueAsync(handler, CancellationToken.None));
        Assert.Equal(0, await worker.RunDueAsync(handler, CancellationToken.None));
        Assert.Single(handler.Runs);
        Assert.Empty(await h.RowsAsync());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task A_key_of_a_gathering_kind_asked_for_during_its_run_is_due_a_gather_after_the_run(DbProvider provider)
    {
        await using var h = await WorkQueueHarness.CreateAsync(provider);
        var gathering = Kind with { Gather = TimeSpan.FromMilliseconds(200) };
        await h.EnqueueAsync(gathering, "kim");
        h.Time.Advance(TimeSpan.FromMilliseconds(200));
        var handler = new RecordingHandler(gathering);
        handler.During = async item =>
        {
            if (handler.Runs.Count == 1)
            {
                await h.EnqueueAsync(gathering, "kim");
            }
        };
        var worker = h.NewWorker(handler);

        Assert.Equal(1, await worker.RunDueAsync(handler, CancellationToken.None));
        var waiting = Assert.Single(await h.RowsAsync());
        Assert.Equal(h.Now + Duration.FromMilliseconds(200), waiting.DueAt);
        Assert.Equal(0, await worker.RunDueAsync(handler, CancellationToken.None));

        h.Time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(1, await worker.RunDueAsync(handler, CancellationToken.None));
        Assert.Equal(2, handler.Runs.Count);
        Assert.Empty(await h.RowsAsync());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Work_enqueued_in_a_transaction_commits_and_rolls_back_with_it(DbProvider provider)
    {
        await using var h = await WorkQueueHarness.CreateAsync(provider);
        await using (var db = h.Database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await h.Items.EnqueueAsync(db, [new WorkRequest(Kind, "rolled-back")], CancellationToken.None);
            h.Items.Add(db, Kind, "rolled-back-event", "{}");
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await using (var db = h.Database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await h.Items.EnqueueAsync(db, [new WorkRequest(Kind, "committed")], CancellationToken.None);
            await transaction.CommitAsync();
        }

        Assert.Equal(["committed"], (await h.RowsAsync()).Select(r => r.Key));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task An_item_claimed_by_a_worker_that_died_is_claimed_again_once_the_lease_ran_out_and_the_dead_claim_cannot_touch_it(DbProvider provider)
    {
        await using var h = await WorkQueueHarness.CreateAsync(provider);
        await h.EnqueueAsync(Kind, "kim");
        var died = h.NewClaims();
        var survivor = h.NewClaims();

        // Crash after the claim: the first instance never completes.
        var lost = Assert.Single(await died.ClaimAsync(Kind, 10, CancellationToken.None));
        Assert.Empty(await survivor.ClaimAsync(Kind, 10, CancellationToken.None));
        h.Time.Advance(Kind.Lease - TimeSpan.FromSeconds(1));
        Assert.Empty(await survivor.ClaimAsync(Kind, 10, CancellationToken.None));

        h.Time.Advance(TimeSpan.FromSeconds(1));
        var taken = Assert.Single(await survivor.ClaimAsync(Kind, 10, CancellationToken.None));
        Assert.Equal((lost.Id, 2), (taken.Id, taken.Attempt));

        // The dead claim's late outcome is ignored: the item is the survivor's.
        Assert.False(await died.CompleteAsync(lost, CancellationToken.None));
        Assert.False(await died.FailAsync(lost, Kind with { MaxAttempts = 1 }, "late", CancellationToken.None));
        Assert.Equal(taken.LeaseOwner, Assert.Single(await h.RowsAsync()).LeaseOwner);
        Assert.True(await survivor.CompleteAsync(taken, CancellationToken.None));
        Assert.Empty(await h.RowsAsync());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task A_key_in_back_off_keeps_its_back_off_and_stays_one_item_however_often_it_is_asked_for(DbProvider provider)
    {
        // Graph down for hours: notifications and sweeps keep asking for the person; one item waits, retried on its own schedule.
        await using var h = await WorkQueueHarness.CreateAsync(provider);
        var handler = new RecordingHandler(Kind with { MaxAttempts = 1000 }) { FailuresLeft = 1000 };
        var worker = h.NewWorker(handler);
        await h.EnqueueAsync(handler.Kind, "kim");

        for (var attempt = 1; attempt <= 8; attempt++)
        {
            Assert.Equal(1, await worker.RunDueAsync(handler, CancellationToken.None));
            var row = Assert.Single(await h.RowsAsync());
            var ceiling = Duration.FromTimeSpan(RetryDelay.After(attempt, handler.Kind.FirstRetryDelay, handler.Kind.MaxRetryDelay, random: 1));
            Assert.InRange(row.DueAt - (h.Now), ceiling / 2, ceiling);
            Assert.Equal($"InvalidOperationException: run {attempt} failed", row.LastError);
            Assert.Equal("InvalidOperationException: run 1 failed", row.FirstError);

            await h.Items.EnqueueAsync(Enumerable.Range(0, 50).Select(_ => new WorkRequest(handler.Kind, "kim")).ToList(), CancellationToken.None);
            Assert.Equal(row.DueAt, Assert.Single(await h.RowsAsync()).DueAt);
            Assert.Equal(0, await worker.RunDueAsync(handler, CancellationToken.None));
            h.Time.Advance((row.DueAt - h.Now).ToTimeSpan());
        }

        Assert.Equal(8, handler.Runs.Count);
        Assert.Equal(TimeSpan.FromMinutes(5), RetryDelay.After(8, handler.Kind.FirstRetryDelay, handler.Kind.MaxRetryDelay, random: 1));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task A_key_asked_for_during_its_last_failing_run_starts_over_instead_of_dying(DbProvider provider)
    {
        await using var h = await WorkQueueHarness.CreateAsync(provider);
        var claims = h.NewClaims();
        var kind = Kind with { MaxAttempts = 1 };
        await h.EnqueueAsync(kind, "kim");

        var run = Assert.Single(await claims.ClaimAsync(kind, 10, CancellationToken.None));
        await h.EnqueueAsync(kind, "kim");

        Assert.False(await claims.FailAsync(run, kind, "HTTP 503", CancellationToken.None));
        var row = Assert.Single(await h.RowsAsync());
        Assert.Equal((0, (string?)null), (row.Attempts, row.LeaseOwner));
        Assert.Equal(h.Now + Duration.FromTimeSpan(kind.FirstRetryDelay), row.DueAt);
        Assert.Empty(await h.NewDeadLetters(new RecordingHandler(kind)).ListAsync(null, 10, CancellationToken.None));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task An_item_failing_past_its_attempts_becomes_a_dead_letter_that_replay_puts_back(DbProvider provider)
    {
        await using var h = await WorkQueueHarness.CreateAsync(provider);
        var handler = new RecordingHandler(Kind) { FailuresLeft = 3 };
        var worker = h.NewWorker(handler);
        var dead = h.NewDeadLetters(handler);
        await h.EnqueueAsync(Kind, "kim", "payload-1");

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await StorageHarness.RunUntilIdleAsync(worker, handler);
            h.Time.Advance(Kind.MaxRetryDelay);
        }

        var letter = Assert.Single(await dead.ListAsync(Kind.Name, 10, CancellationToken.None));
        Assert.Equal(("kim", 3, "InvalidOperationException: run 1 failed"), (letter.Key, letter.Attempts, letter.FirstError));
        Assert.Equal("InvalidOperationException: run 3 failed", letter.LastError);
        Assert.Empty(await h.RowsAsync());
        Assert.Empty(await dead.ListAsync("other-kind", 10, CancellationToken.None));

        Assert.Equal(1, await dead.ReplayAsync(Kind.Name, CancellationToken.None));
        Assert.Empty(await dead.ListAsync(null, 10, CancellationToken.None));
        var replayed = Assert.Single(await h.RowsAsync());
        Assert.Equal(("kim", "payload-1", 0), (replayed.Key, replayed.Payload, replayed.Attempts));
        Assert.Equal(1, await worker.RunDueAsync(handler, CancellationToken.None));
        Assert.Empty(await h.RowsAsync());
        Assert.Equal("payload-1", handler.Runs[^1].Payload);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task A_key_that_dies_again_keeps_one_dead_letter_with_its_first_failure(DbProvider provider)
    {
        await using var h = await WorkQueueHarness.CreateAsync(provider);
        var handler = new RecordingHandler(Kind) { FailuresLeft = 9 };
        var worker = h.NewWorker(handler);
        var dead = h.NewDeadLetters(handler);

        // Asked for again after each death (as the nightly re-read asks for everyone), dying three times over.
        for (var death = 1; death <= 3; death++)
        {
            await h.EnqueueAsync(Kind, "kim");
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                await StorageHarness.RunUntilIdleAsync(worker, handler);
                h.Time.Advance(Kind.MaxRetryDelay);
            }
        }

        var letter = Assert.Single(await dead.ListAsync(null, 10, CancellationToken.None));
        Assert.Equal(("kim", 9, "InvalidOperationException: run 1 failed", "InvalidOperationException: run 9 failed"), (letter.Key, letter.Attempts, letter.FirstError, letter.LastError));
        Assert.Empty(await h.RowsAsync());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Two_instances_never_work_on_one_key_at_the_same_time_and_every_request_is_followed_by_a_run(DbProvider provider)
    {
        await using var h = await WorkQueueHarness.CreateAsync(provider);
        var keys = Enumerable.Range(0, 10).Select(i => $"person-{i}").ToList();
        var running = new ConcurrentDictionary<string, int>();
        var overlaps = 0;
        var handlers = Enumerable.Range(0, 2).Select(_ =>
        {
            var handler = new RecordingHandler(Kind);
            handler.During = async item =>
            {
                if (!running.TryAdd(item.Key, 1))
                {
                    Interlocked.Increment(ref overlaps);
                }

                await Task.Yield();
                running.TryRemove(item.Key, out _);
            };
            return handler;
        }).ToList();
        var workers = handlers.Select(handler => h.NewWorker(handler)).ToList();

        using var done = new CancellationTokenSource();
        async Task WorkAsync(int instance)
        {
            while (!done.IsCancellationRequested)
            {
                await workers[instance].RunDueAsync(handlers[instance], CancellationToken.None);
            }

            await StorageHarness.RunUntilIdleAsync(workers[instance], handlers[instance]);
        }

        var work = new[] { Task.Run(() => WorkAsync(0)), Task.Run(() => WorkAsync(1)) };
        for (var round = 1; round <= 30; round++)
        {
            await h.Items.EnqueueAsync(keys.Select(k => new WorkRequest(Kind, k)).ToList(), CancellationToken.None);
        }

        await done.CancelAsync();
        await Task.WhenAll(work);

        Assert.Equal(0, overlaps);
        // A row goes only when a run completes that was claimed after the key's last request: every request was served.
        Assert.Empty(await h.RowsAsync());
        Assert.True(handlers.Sum(x => x.Runs.Count) < keys.Count * 30, "requests during runs coalesced");
    }
}
