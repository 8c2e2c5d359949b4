using Microsoft.Extensions.Time.Testing;
using NodaTime;
using PresenceBot.OperatorPage;

namespace PresenceBot.Tests.OperatorPage;

public sealed class ChangeFeedTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 23, 8, 0);

    [Fact]
    public void AChangeFromTheOutbox_IsNotRepeatedByTheAuditTrail()
    {
        var feed = new ChangeFeed(new FakeTimeProvider(PresenceBotApplication.MondayMorning));
        using var subscription = feed.Subscribe();

        feed.Publish("kim", At);
        feed.PublishUnseen("kim", At);
        feed.PublishUnseen("kim", At + Duration.FromMilliseconds(1));
        feed.PublishUnseen("kim", At + Duration.FromMilliseconds(1));

        Assert.Equal(2, subscription.Reader.Count);
    }

    [Fact]
    public void EveryChangeFromTheOutbox_GoesOut_EvenTwoInOneMillisecond()
    {
        var feed = new ChangeFeed(new FakeTimeProvider(PresenceBotApplication.MondayMorning));
        using var subscription = feed.Subscribe();

        feed.Publish("kim", At);
        feed.Publish("kim", At);

        Assert.Equal(2, subscription.Reader.Count);
    }

    [Fact]
    public void APageThatFallsTooFarBehind_IsDisconnected_SoItReloads()
    {
        var feed = new ChangeFeed(new FakeTimeProvider(PresenceBotApplication.MondayMorning));
        using var slow = feed.Subscribe();

        for (var i = 0; i < 300; i++)
        {
            feed.Publish("kim", At + Duration.FromMilliseconds(i));
        }

        // Its stream sends what it holds, then ends; the page's reconnect reloads everything.
        Assert.Equal(0, feed.SubscriberCount);
        while (slow.Reader.TryRead(out _))
        {
        }

        Assert.True(slow.Reader.Completion.IsCompleted);
    }

    [Fact]
    public void WithNobodyListening_NothingIsRemembered()
    {
        var feed = new ChangeFeed(new FakeTimeProvider(PresenceBotApplication.MondayMorning));
        feed.Publish("kim", At);
        using var later = feed.Subscribe();

        feed.PublishUnseen("kim", At);

        Assert.Equal(1, later.Reader.Count);
    }
}
