using System.Collections.Concurrent;
using PresenceBot.Tests.Storage;
using PresenceBot.WorkQueue;

namespace PresenceBot.Tests.WorkQueue;

/// <summary>
/// The worker's own loop with one instance (the other queue tests claim by hand): it claims a second round ahead,
/// leased, runs no more than the kind's concurrency at once, stops every run its run time after the claim (also one
/// that waited ahead), and gives back what never started when it stops.
/// </summary>
public sealed class WorkQueueWorkerLoopTests
{
    private static readonly WorkKind Kind = new("loop-test") { Concurrency = 2, Lease = TimeSpan.FromMinutes(2) };
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public Task Claims_a_second_round_ahead_and_runs_no_more_than_its_concurrency_at_once(DbProvider provider) =>
        WithTwoRunningAsync(provider, 6, async (h, handler, _) =>
        {
            var rows = await h.RowsAsync();
            Assert.Equal(4, rows.Count(r => r.LeaseOwner is not null));
            Assert.Equal(2, rows.Count(r => r.LeaseOwner is null));

            handler.OpenAll();
            await handler.StartedAsync(6);
            await WaitUntilAsync(async () => (await h.RowsAsync()).Count == 0);
            Assert.Equal(2, handler.MostAtOnce);
            Assert.Equal(["p1", "p2", "p3", "p4", "p5", "p6"], handler.Started.Order(StringComparer.Ordinal));
        });

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public Task Stopping_gives_back_at_once_what_was_claimed_ahead_and_what_was_running(DbProvider provider) =>
        WithTwoRunningAsync(provider, 5, async (h, handler, worker) =>
        {
            Assert.Equal(4, (await h.RowsAsync()).Count(r => r.LeaseOwner is not null));

            await worker.StopAsync(CancellationToken.None);

            var rows = await h.RowsAsync();
            Assert.Equal(5, rows.Count);
            Assert.All(rows, r => Assert.Equal((null, 0), (r.LeaseOwner, r.Attempts)));
            Assert.Equal(2, handler.Started.Count);
        });

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public Task An_item_that_waited_ahead_for_most_of_its_run_time_is_claimed_afresh_before_it_runs(DbProvider provider) =>
        WithTwoRunningAsync(provider, 4, async (h, handler, _) =>
        {
            h.Time.Advance(Kind.RunTimeout * 0.6);
            handler.OpenAll();
            await handler.StartedAsync(4);
            await WaitUntilAsync(async () => (await h.RowsAsync()).Count == 0);

            // All four came in one claim; the two that waited ahead went back and ran on claims of their own.
            Assert.Equal(["p1", "p2", "p3", "p4"], handler.Started.Order(StringComparer.Ordinal));
            var first = handler.ClaimOf("p1");
            Assert.Equal(first, handler.ClaimOf("p2"));
            Assert.NotEqual(first, handler.ClaimOf("p3"));
            Assert.NotEqual(first, handler.ClaimOf("p4"));
        });

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public Task A_run_that_waited_ahead_is_stopped_its_run_time_after_the_claim_not_after_its_start(DbProvider provider) =>
        WithTwoRunningAsync(provider, 4, async (h, handler, _) =>
        {
            h.Time.Advance(Kind.RunTimeout * 0.3);
            handler.Open("p1");
            await handler.StartedAsync(3);
            Assert.Contains("p3", handler.Started);

            // p3 started 0.3 of the run time after its claim: the rest of it, not a whole run time, is what it gets.
            h.Time.Advance(Kind.RunTimeout * 0.7);
            await WaitUntilAsync(() => Task.FromResult(handler.Cancelled.Contains("p3")));
        });

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task A_gathering_kind_is_woken_when_its_work_is_due_not_at_the_next_poll(DbProvider provider)
    {
        // The poll is a second of the fake clock, which moves only 400 ms here: both runs come from the gather's wakes.
        await using var h = await WorkQueueHarness.CreateAsync(provider);
        var gathering = Kind with { Gather = TimeSpan.FromMilliseconds(200) };
        var handler = new GatedHandler(gathering);
        using var worker = h.NewWorker(handler);
        await h.Items.EnqueueAsync([new WorkRequest(gathering, "kim")], CancellationToken.None);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            h.Time.Advance(TimeSpan.FromMilliseconds(200));
            await handler.StartedAsync(1);

            // Asked for again during the run: due, and woken, a gather after the run.
            await h.Items.EnqueueAsync([new WorkRequest(gathering, "kim")], CancellationToken.None);
            handler.Open("kim");
            await WaitUntilAsync(async () => (await h.RowsAsync()) is [{ LeaseOwner: null }]);
            Assert.Single(handler.Started);
            h.Time.Advance(TimeSpan.FromMilliseconds(200));
            await handler.StartedAsync(2);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    /// <summary><paramref name="items"/> enqueued, the worker started and its first two runs begun, then <paramref name="test"/>; the worker stops after it (if the test has not stopped it).</summary>
    private static async Task WithTwoRunningAsync(DbProvider provider, int items, Func<WorkQueueHarness, GatedHandler, WorkQueueWorker, Task> test)
    {
        await using var h = await WorkQueueHarness.CreateAsync(provider);
        await EnqueueAsync(h, items);
        var handler = new GatedHandler(Kind);
        using var worker = h.NewWorker(handler);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            await handler.StartedAsync(2);
            await test(h, handler, worker);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    private static Task EnqueueAsync(WorkQueueHarness h, int count) =>
        h.Items.EnqueueAsync(Enumerable.Range(1, count).Select(i => new WorkRequest(Kind, $"p{i}")).ToList(), CancellationToken.None);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < Patience, "the worker did not get there in time");
            await Task.Delay(20);
        }
    }

    /// <summary>Runs wait until their key is opened (or the run is cancelled); records what ran, with which claim, and how many at once.</summary>
    private sealed class GatedHandler(WorkKind kind) : IWorkHandler
    {
        private readonly Lock _gate = new();
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _keys = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, string> _claims = new(StringComparer.Ordinal);
        private readonly ConcurrentQueue<string> _started = new();
        private readonly ConcurrentQueue<string> _cancelled = new();
        private readonly SemaphoreSlim _startedSignal = new(0);
        private int _running;
        private int _mostAtOnce;

        public WorkKind Kind => kind;

        public IReadOnlyList<string> Started => [.. _started];

        public IReadOnlyList<string> Cancelled => [.. _cancelled];

        public int MostAtOnce
        {
            get
            {
                lock (_gate)
                {
                    return _mostAtOnce;
                }
            }
        }

        /// <summary>The claim (lease owner) <paramref name="key"/>'s run came with.</summary>
        public string ClaimOf(string key) => _claims[key];

        public void OpenAll() => _all.TrySetResult();

        public void Open(string key) => Gate(key).TrySetResult();

        public async Task StartedAsync(int count)
        {
            while (_started.Count < count)
            {
                Assert.True(await _startedSignal.WaitAsync(Patience), $"{count} runs did not start");
            }
        }

        public async Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                _mostAtOnce = Math.Max(_mostAtOnce, ++_running);
            }

            _claims[item.Key] = item.LeaseOwner;
            _started.Enqueue(item.Key);
            _startedSignal.Release();
            try
            {
                await Task.WhenAny(_all.Task, Gate(item.Key).Task).WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                _cancelled.Enqueue(item.Key);
                throw;
            }
            finally
            {
                lock (_gate)
                {
                    _running--;
                }
            }
        }

        private TaskCompletionSource Gate(string key) => _keys.GetOrAdd(key, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
