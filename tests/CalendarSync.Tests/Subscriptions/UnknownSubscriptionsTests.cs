using Microsoft.Extensions.Time.Testing;
using PresenceBot.CalendarSync.Subscriptions;

namespace PresenceBot.CalendarSync.Tests.Subscriptions;

public sealed class UnknownSubscriptionsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Remember_HoldsAnIdForAMinuteOnly()
    {
        var unknown = new UnknownSubscriptions(_time);
        unknown.Remember("a");

        _time.Advance(UnknownSubscriptions.RememberFor - TimeSpan.FromSeconds(1));
        Assert.True(unknown.Contains("a"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(unknown.Contains("a"));
        Assert.Equal(0, unknown.Count);
    }

    [Fact]
    public void Remember_StopsAtCapacity_AndMakesRoomOnceEntriesRunOut()
    {
        var unknown = new UnknownSubscriptions(_time);
        for (var i = 0; i < UnknownSubscriptions.Capacity + 500; i++)
        {
            unknown.Remember($"id-{i}");
        }

        Assert.Equal(UnknownSubscriptions.Capacity, unknown.Count);
        Assert.False(unknown.Contains($"id-{UnknownSubscriptions.Capacity}"));

        _time.Advance(UnknownSubscriptions.RememberFor);
        unknown.Remember("fresh");
        Assert.Equal(1, unknown.Count);
        Assert.True(unknown.Contains("fresh"));
    }

    [Fact]
    public void Forget_DropsAnIdAtOnce()
    {
        var unknown = new UnknownSubscriptions(_time);
        unknown.Remember("a");

        unknown.Forget("a");

        Assert.False(unknown.Contains("a"));
    }
}
