using NodaTime;
using PresenceBot.TeamsChannel.Proactive;
using PresenceBot.TeamsChannel.Tests.Support;
using PresenceBot.TeamsChannel.Turns;

namespace PresenceBot.TeamsChannel.Tests.Proactive;

/// <summary>
/// Teams answering 429/503 for long: proactive sends are capped (<c>Bot:MaxConcurrentSends</c>) and a chat that keeps
/// failing is paused for <c>Bot:PauseAfterFailures</c> on the injected clock.
/// </summary>
public sealed class SendResilienceTests
{
    [Fact]
    public async Task ChatThatKeepsFailing_IsPaused_ThenTriedAgainAfterThePause()
    {
        await using var bot = await ChannelHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Bot:FailuresBeforePause"] = "2",
            ["Bot:PauseAfterFailures"] = "00:05:00",
        });
        await RememberAsync(bot, "kim");
        var notifier = bot.Service<ITeamsNotifier>();

        // Each send is tried four times (the connector's retries); two failed sends pause the chat.
        bot.Connector.Answer([.. Enumerable.Range(0, 8).Select(i => new ConnectorAnswer(i % 2 == 0 ? 503 : 429))]);
        await Assert.ThrowsAnyAsync<Exception>(() => DriveAsync(bot, notifier.SendAsync("kim", BotMessage.FromText("1"), CancellationToken.None)));
        await Assert.ThrowsAnyAsync<Exception>(() => DriveAsync(bot, notifier.SendAsync("kim", BotMessage.FromText("2"), CancellationToken.None)));
        Assert.Equal(8, bot.Connector.Requests.Count);

        Assert.Equal(TeamsDelivery.Paused, await notifier.SendAsync("kim", BotMessage.FromText("3"), CancellationToken.None));
        bot.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(TeamsDelivery.Paused, await notifier.SendAsync("kim", BotMessage.FromText("4"), CancellationToken.None));
        Assert.Equal(8, bot.Connector.Requests.Count);

        bot.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(TeamsDelivery.Sent, await notifier.SendAsync("kim", BotMessage.FromText("5"), CancellationToken.None));
        Assert.Equal(9, bot.Connector.Requests.Count);
    }

    [Fact]
    public async Task OneFailingChat_DoesNotPauseAnother()
    {
        await using var bot = await ChannelHarness.StartAsync(settings: new Dictionary<string, string?> { ["Bot:FailuresBeforePause"] = "1" });
        await RememberAsync(bot, "kim");
        await RememberAsync(bot, "lo");
        var notifier = bot.Service<ITeamsNotifier>();

        bot.Connector.Answer([.. Enumerable.Range(0, 4).Select(_ => new ConnectorAnswer(503))]);
        await Assert.ThrowsAnyAsync<Exception>(() => DriveAsync(bot, notifier.SendAsync("kim", BotMessage.FromText("1"), CancellationToken.None)));

        Assert.Equal(TeamsDelivery.Paused, await notifier.SendAsync("kim", BotMessage.FromText("2"), CancellationToken.None));
        Assert.Equal(TeamsDelivery.Sent, await notifier.SendAsync("lo", BotMessage.FromText("3"), CancellationToken.None));
    }

    [Fact]
    public async Task SendsInFlight_AreCapped_AndTheRestWaitTheirTurn()
    {
        await using var bot = await ChannelHarness.StartAsync(settings: new Dictionary<string, string?> { ["Bot:MaxConcurrentSends"] = "2" });
        var people = Enumerable.Range(0, 6).Select(i => $"person-{i}").ToArray();
        foreach (var person in people)
        {
            await RememberAsync(bot, person);
        }

        bot.Connector.Hold();
        var notifier = bot.Service<ITeamsNotifier>();
        var sends = people.Select(p => notifier.SendAsync(p, BotMessage.FromText("hej"), CancellationToken.None)).ToArray();
        await bot.Connector.WaitForRequestsAsync(2);
        // A third would arrive at once if nothing held it back (bounded real wait: the connector is on loopback).
        var third = bot.Connector.WaitForRequestsAsync(3);
        Assert.NotSame(third, await Task.WhenAny(third, Task.Delay(TimeSpan.FromMilliseconds(300))));

        bot.Connector.Release();

        Assert.All(await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(10)), d => Assert.Equal(TeamsDelivery.Sent, d));
        Assert.Equal(2, bot.Connector.MaxInFlight);
        Assert.Equal(6, bot.Connector.Requests.Count);
    }

    private static Task RememberAsync(ChannelHarness bot, string personId) =>
        bot.References.RememberAsync(new ConversationReference
        {
            PersonId = personId,
            UserId = $"29:{personId}",
            BotId = TeamsActivities.BotId,
            ServiceUrl = bot.Connector.ServiceUrl,
            ConversationId = $"a:{personId}-personal-chat",
            TenantId = TeamsActivities.TenantId,
            UpdatedAt = Instant.FromDateTimeOffset(bot.Now),
        }, CancellationToken.None);

    /// <summary>Moves the fake clock in small steps until the send is done, so the connector's retries run; bounded.</summary>
    private static async Task<TeamsDelivery> DriveAsync(ChannelHarness bot, Task<TeamsDelivery> sending)
    {
        for (var step = 0; step < 400 && !sending.IsCompleted; step++)
        {
            bot.Clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(5);
        }

        return await sending.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
