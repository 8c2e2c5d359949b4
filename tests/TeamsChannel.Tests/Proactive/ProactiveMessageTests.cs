using PresenceBot.TeamsChannel.Cards;
using PresenceBot.TeamsChannel.Proactive;
using PresenceBot.TeamsChannel.Turns;
using static PresenceBot.TeamsChannel.Tests.Support.People;
using PresenceBot.TeamsChannel.Tests.Support;

namespace PresenceBot.TeamsChannel.Tests.Proactive;

/// <summary><see cref="ITeamsNotifier"/> against the connector stand-in: 1:1 chats are opened when needed, gone users are not retried.</summary>
public sealed class ProactiveMessageTests : IAsyncLifetime
{
    private ChannelHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChannelHarness.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private ITeamsNotifier Notifier => _bot.Service<ITeamsNotifier>();

    [Fact]
    public async Task PersonKnownOnlyFromAGroupChat_GetsANewPersonalChat_AndTheMessageArrivesThere()
    {
        await _bot.PostAsync(_bot.Activities.Installation("add", TeamsActivities.GroupChat, "groupChat"));

        var delivery = await Notifier.SendAsync(KimId, BotMessage.FromText("Du har ett olyssnat röstmeddelande."), CancellationToken.None);

        Assert.Equal(TeamsDelivery.Sent, delivery);
        var requests = await _bot.Connector.WaitForRequestsAsync(2);
        var create = requests[0];
        Assert.Equal("/emea/v3/conversations", create.Path);
        Assert.False((bool?)create.Body!["isGroup"]);
        Assert.Equal(TeamsActivities.BotId, (string?)create.Body["bot"]!["id"]);
        Assert.Equal(TeamsActivities.KimTeamsId, (string?)create.Body["members"]![0]!["id"]);
        Assert.Equal(ChannelHarness.TenantId, (string?)create.Body["tenantId"]);
        Assert.Equal(ChannelHarness.TenantId, (string?)create.Body["channelData"]!["tenant"]!["id"]);
        var message = requests[1];
        Assert.Equal($"/emea/v3/conversations/{ConnectorStandIn.CreatedConversationId}/activities", message.Path);
        Assert.Equal("Du har ett olyssnat röstmeddelande.", (string?)message.Body!["text"]);
        Assert.Equal(1, _bot.CountReferences(r => r.ConversationId == ConnectorStandIn.CreatedConversationId));
    }

    [Fact]
    public async Task OnceThePersonalChatIsKnown_ItIsNotCreatedAgain()
    {
        await _bot.PostAsync(_bot.Activities.Installation("add", TeamsActivities.GroupChat, "groupChat"));
        await Notifier.SendAsync(KimId, BotMessage.FromText("1"), CancellationToken.None);

        await Notifier.SendAsync(KimId, BotMessage.FromText("2"), CancellationToken.None);

        var requests = await _bot.Connector.WaitForRequestsAsync(3);
        Assert.Equal(3, requests.Count);
        Assert.EndsWith($"{ConnectorStandIn.CreatedConversationId}/activities", requests[2].Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonWithAPersonalChat_GetsTheMessageThereDirectly_AsACard()
    {
        await _bot.PostAsync(_bot.Activities.Installation("add"));
        var card = new AdaptiveCard { Body = [new TextBlock("Telefontiden 09.00–12.00 är obemannad i morgon.")] };

        var delivery = await Notifier.SendAsync(KimId, BotMessage.FromCard(card, "Telefontid obemannad"), CancellationToken.None);

        Assert.Equal(TeamsDelivery.Sent, delivery);
        var message = Assert.Single(await _bot.Connector.WaitForRequestsAsync(1));
        Assert.Equal($"/emea/v3/conversations/{TeamsActivities.PersonalChat}/activities", message.Path);
        var attachment = message.Body!["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        Assert.Equal("AdaptiveCard", (string?)attachment["content"]!["type"]);
        Assert.Equal(TeamsActivities.KimTeamsId, (string?)message.Body["recipient"]!["id"]);
    }

    [Fact]
    public async Task PersonNeverSeen_IsNotInstalled_AndNothingIsSent()
    {
        var delivery = await Notifier.SendAsync(KimId, BotMessage.FromText("hej"), CancellationToken.None);

        Assert.Equal(TeamsDelivery.NotInstalled, delivery);
        Assert.Empty(_bot.Connector.Requests);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public async Task ConnectorRefusal_MarksTheReferenceStale_AndItIsNotRetried(int refusal)
    {
        await _bot.PostAsync(_bot.Activities.Installation("add"));
        _bot.Connector.Answer(new ConnectorAnswer(refusal));

        var first = await Notifier.SendAsync(KimId, BotMessage.FromText("hej"), CancellationToken.None);
        var second = await Notifier.SendAsync(KimId, BotMessage.FromText("hej igen"), CancellationToken.None);

        Assert.Equal(TeamsDelivery.Unreachable, first);
        Assert.Equal(TeamsDelivery.Unreachable, second);
        Assert.Single(_bot.Connector.Requests);
        Assert.Equal(1, _bot.CountReferences(r => r.IsStale));
    }

    [Fact]
    public async Task StaleReference_IsFreshAgain_WhenThePersonWrites()
    {
        await _bot.PostAsync(_bot.Activities.Installation("add"));
        _bot.Connector.Answer(new ConnectorAnswer(403));
        await Notifier.SendAsync(KimId, BotMessage.FromText("hej"), CancellationToken.None);

        await _bot.PostAsync(_bot.Activities.Message());

        Assert.Equal(1, _bot.CountReferences(r => !r.IsStale));
        Assert.Equal(TeamsDelivery.Sent, await Notifier.SendAsync(KimId, BotMessage.FromText("hej"), CancellationToken.None));
    }

    [Fact]
    public async Task ThrottledConnector_IsRetried_AfterRetryAfter()
    {
        await _bot.PostAsync(_bot.Activities.Installation("add"));
        _bot.Connector.Answer(new ConnectorAnswer(429, RetryAfterSeconds: 2));
        var started = _bot.Now;

        var sending = Notifier.SendAsync(KimId, BotMessage.FromText("hej"), CancellationToken.None);
        await _bot.Connector.WaitForRequestsAsync(1);
        var retriedAfter = await AdvanceUntilAsync(() => _bot.Connector.Requests.Count >= 2);

        Assert.Equal(TeamsDelivery.Sent, await sending.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, _bot.Connector.Requests.Count);
        Assert.True(retriedAfter - started >= TimeSpan.FromSeconds(2), $"retried after {retriedAfter - started}, before Retry-After");
    }

    [Fact]
    public async Task HugeRetryAfter_IsBounded()
    {
        await _bot.PostAsync(_bot.Activities.Installation("add"));
        _bot.Connector.Answer(new ConnectorAnswer(429, RetryAfterSeconds: 3600));
        var started = _bot.Now;

        var sending = Notifier.SendAsync(KimId, BotMessage.FromText("hej"), CancellationToken.None);
        await _bot.Connector.WaitForRequestsAsync(1);
        var retriedAfter = await AdvanceUntilAsync(() => _bot.Connector.Requests.Count >= 2);

        Assert.Equal(TeamsDelivery.Sent, await sending.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(retriedAfter - started <= TimeSpan.FromSeconds(10), $"retried only after {retriedAfter - started}");
    }

    /// <summary>
    /// Moves the fake clock in small steps until <paramref name="done"/>; the short real pauses only let the
    /// retry's continuation run and register its timer — the waiting itself is on the fake clock. Bounded.
    /// </summary>
    private async Task<DateTimeOffset> AdvanceUntilAsync(Func<bool> done)
    {
        for (var step = 0; step < 400 && !done(); step++)
        {
            _bot.Clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(5);
        }

        Assert.True(done(), "the connector was not called again");
        return _bot.Now;
    }
}
