using PresenceBot.Storage;

namespace PresenceBot.Tests.Storage;

/// <summary>Write turns: one holder; foreground waiters before background ones, each in order; a wait can run out or be cancelled.</summary>
public sealed class WriteTurnsTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_request_waiting_goes_before_background_work_that_waited_longer_and_each_keeps_its_order()
    {
        var turns = new WriteTurns();
        Assert.True(await turns.WaitAsync(Long, CancellationToken.None));
        var order = new List<string>();
        var background1 = InBackground(() => TakeAndRecordAsync(turns, order, "background 1"));
        var background2 = InBackground(() => TakeAndRecordAsync(turns, order, "background 2"));
        var request1 = TakeAndRecordAsync(turns, order, "request 1");
        var request2 = TakeAndRecordAsync(turns, order, "request 2");

        turns.Release();
        await Task.WhenAll(background1, background2, request1, request2).WaitAsync(Long);

        Assert.Equal(["request 1", "request 2", "background 1", "background 2"], order);
        Assert.False(turns.IsHeld);
    }

    [Fact]
    public async Task A_wait_that_runs_out_answers_false_and_leaves_the_line()
    {
        var turns = new WriteTurns();
        Assert.True(await turns.WaitAsync(Long, CancellationToken.None));

        Assert.False(await turns.WaitAsync(TimeSpan.FromMilliseconds(20), CancellationToken.None));

        turns.Release();
        Assert.False(turns.IsHeld, "the turn was not handed to the waiter that gave up");
    }

    [Fact]
    public async Task A_cancelled_wait_leaves_the_line()
    {
        var turns = new WriteTurns();
        Assert.True(await turns.WaitAsync(Long, CancellationToken.None));
        using var cancel = new CancellationTokenSource();
        var waiting = turns.WaitAsync(Long, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        turns.Release();
        Assert.False(turns.IsHeld);
    }

    private static Task InBackground(Func<Task> write)
    {
        using (WriteTurns.Background())
        {
            return write();
        }
    }

    /// <summary>Queues for the turn at once (synchronously), records it when it comes, and passes it on.</summary>
    private static async Task TakeAndRecordAsync(WriteTurns turns, List<string> order, string name)
    {
        var turn = turns.WaitAsync(Long, CancellationToken.None);
        Assert.True(await turn);
        lock (order)
        {
            order.Add(name);
        }

        turns.Release();
    }
}
