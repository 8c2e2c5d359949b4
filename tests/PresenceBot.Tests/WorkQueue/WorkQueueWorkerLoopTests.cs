using PresenceBot.Tests.Storage;
using PresenceBot.WorkQueue;

namespace PresenceBot.Tests.WorkQueue;

/// <summary>
/// The worker's own loop (the other queue tests claim by hand): it claims a second round ahead, leased, runs no more
/// than the kind's concurrency at once, and gives back what never started when it stops.
/// </summary>
public sealed class WorkQueueWorkerLoopTests
{
    private static readonly WorkKind Kind = new("loop-test") { Concurrency = 2, Lease = TimeSpan.FromMinutes(2) };
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Claims_a_second_round_ahead_and_runs_no_more_than_its_concurrency_at_once(DbProvider provider)
    {
        await using var h = await WorkQueueHarness.CreateAsync(provider);
        await h.Items.EnqueueAsync(Enumerable.Range(1, 6).Select(i => new WorkRequest(Kind, $"p{i}")).ToList(), CancellationToken.None);
        var handler = new GatedHandler(Kind);
        using var worker = h.NewWorker(handler);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            await handler.StartedAsync(2);
            var rows = await h.RowsAsync();
            Assert.Equal(4, rows.Count(r => r.LeaseOwner is not null));
            Assert.Equal(2, rows.Count(r => r.LeaseOwner is null));

            handler.Open();
            await handler.StartedAsync(6);
            await WaitUntilAsync(async () => (await h.RowsAsync()).Count == 0);
            Assert.Equal(2, handler.MostAtOnce);
            Assert.Equal(["p1", "p2", "p3", "p4", "p5", "p6"], handler.Keys.Order(StringComparer.Ordinal));
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Stopping_gives_back_at_once_what_was_claimed_ahead_and_what_was_running(DbProvider provider)
    {
        await using var h = await WorkQueueHarness.CreateAsync(provider);
        await h.Items.EnqueueAsync(Enumerable.Range(1, 5).Select(i => new WorkRequest(Kind, $"p{i}")).ToList(), CancellationToken.None);
        var handler = new GatedHandler(Kind);
        using var worker = h.NewWorker(handler);
        await worker.StartAsync(CancellationToken.None);
        await handler.StartedAsync(2);
        Assert.Equal(4, (await h.RowsAsync()).Count(r => r.LeaseOwner is not null));

        await worker.StopAsync(CancellationToken.None);

        var rows = await h.RowsAsync();
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Null(r.LeaseOwner));
        Assert.Equal(2, handler.Keys.Count);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task An_item_that_waited_ahead_for_most_of_its_lease_is_claimed_afresh_before_it_runs(DbProvider provider)
    {
        await using var h = await WorkQueueHarness.CreateAsync(provider);
        await h.Items.EnqueueAsync(Enumerable.Range(1, 4).Select(i => new WorkRequest(Kind, $"p{i}")).ToList(), CancellationToken.None);
        var handler = new GatedHandler(Kind);
        using var worker = h.NewWorker(handler);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            await handler.StartedAsync(2);
            h.Time.Advance(Kind.Lease * 0.6);
            handler.Open();
            await handler.StartedAsync(4);
            await WaitUntilAsync(async () => (await h.RowsAsync()).Count == 0);

            // All four came in one claim; the two that waited ahead went back and ran on a claim of their own.
            Assert.Equal([2, 2], handler.Claims.GroupBy(claim => claim).Select(g => g.Count()));
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < Patience, "the worker did not finish the work in time");
            await Task.Delay(20);
        }
    }

    /// <summary>Runs wait until opened (or the run is cancelled); counts how many ran at once.</summary>
    private sealed class GatedHandler(WorkKind kind) : IWorkHandler
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _keys = new();
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _claims = new();
        private readonly SemaphoreSlim _started = new(0);
        private int _running;
        private int _mostAtOnce;

        public WorkKind Kind => kind;

        public IReadOnlyList<string> Keys => [.. _keys];

        /// <summary>The claim (lease owner) each run came with.</summary>
        public IReadOnlyList<string> Claims => [.. _claims];

        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

        public void Open() => _open.TrySetResult();

        public async Task StartedAsync(int count)
        {
            while (_keys.Count < count)
            {
                Assert.True(await _started.WaitAsync(Patience), $"{count} runs did not start");
            }
        }

        public async Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _running);
            InterlockedMax(ref _mostAtOnce, now);
            _claims.Enqueue(item.LeaseOwner);
            _keys.Enqueue(item.Key);
            _started.Release();
            try
            {
                await _open.Task.WaitAsync(cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
