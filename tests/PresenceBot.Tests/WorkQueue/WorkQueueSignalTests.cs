using Microsoft.Extensions.Time.Testing;
using PresenceBot.WorkQueue;

namespace PresenceBot.Tests.WorkQueue;

public sealed class WorkQueueSignalTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task A_wake_asked_for_later_comes_then_and_not_before()
    {
        var time = new FakeTimeProvider();
        using var signal = new WorkQueueSignal(time);

        signal.Wake("calendar-reread", Gather);
        var waiting = signal.WaitAsync("calendar-reread", Poll, CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(199));
        Assert.False(waiting.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Later_wakes_asked_for_meanwhile_come_at_the_latest_one_of_them()
    {
        var time = new FakeTimeProvider();
        using var signal = new WorkQueueSignal(time);

        signal.Wake("calendar-reread", Gather);
        time.Advance(TimeSpan.FromMilliseconds(150));
        signal.Wake("calendar-reread", Gather);
        time.Advance(TimeSpan.FromMilliseconds(50));
        await signal.WaitAsync("calendar-reread", Poll, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        // The second request is due at 350 ms: the first wake came too soon for it, so one more comes then.
        var second = signal.WaitAsync("calendar-reread", Poll, CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(149));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(10));

        // Nothing more was asked for: no further wake.
        var third = signal.WaitAsync("calendar-reread", Poll, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(30));
        await third.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_wake_without_delay_comes_at_once()
    {
        var time = new FakeTimeProvider();
        using var signal = new WorkQueueSignal(time);

        signal.Wake("referral-changed", TimeSpan.Zero);

        await signal.WaitAsync("referral-changed", Poll, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }
}
