using PresenceBot.TeamsChannel.Connector;
using PresenceBot.TeamsChannel.Proactive;
using PresenceBot.TeamsChannel.Turns;
using static PresenceBot.TeamsChannel.Tests.Support.People;
using PresenceBot.TeamsChannel.Tests.Support;

namespace PresenceBot.TeamsChannel.Tests.Connector;

/// <summary>The bot's token goes only to trusted service URLs, never to one that merely sits in stored data.</summary>
public sealed class ServiceUrlTrustTests
{
    [Fact]
    public async Task UntrustedServiceUrlInStoredData_GetsNothing_NeitherTokenNorMessage()
    {
        await using var bot = await ChannelHarness.StartAsync(authenticated: true);
        await StoreReferenceAsync(bot);

        var delivery = await bot.Service<ITeamsNotifier>().SendAsync(KimId, BotMessage.FromText("hej"), CancellationToken.None);

        Assert.Equal(TeamsDelivery.Unreachable, delivery);
        Assert.Empty(bot.Connector.Requests);
        Assert.Equal(0, bot.Credential.Issued);
    }

    [Fact]
    public async Task ConfiguredServiceUrl_GetsTheToken()
    {
        await using var bot = await ChannelHarness.StartAsync(authenticated: true, trustConnector: true);
        await StoreReferenceAsync(bot);

        await bot.Service<ITeamsNotifier>().SendAsync(KimId, BotMessage.FromText("hej"), CancellationToken.None);

        Assert.Equal($"Bearer {ChannelHarness.BotToken}", Assert.Single(await bot.Connector.WaitForRequestsAsync(1)).Authorization);
    }

    [Fact]
    public async Task ServiceUrlLearnedFromAnAuthenticatedActivity_GetsTheToken_AlsoForProactiveMessages()
    {
        await using var bot = await ChannelHarness.StartAsync(authenticated: true);
        await bot.PostAsync(bot.Activities.Installation("add"), bot.ChannelToken());

        await bot.Service<ITeamsNotifier>().SendAsync(KimId, BotMessage.FromText("hej"), CancellationToken.None);

        Assert.Equal($"Bearer {ChannelHarness.BotToken}", Assert.Single(await bot.Connector.WaitForRequestsAsync(1)).Authorization);
    }

    [Fact]
    public async Task AnonymousBot_NeverSendsAToken_EvenToAConfiguredServiceUrl()
    {
        await using var bot = await ChannelHarness.StartAsync(trustConnector: true);
        await StoreReferenceAsync(bot);

        await bot.Service<ITeamsNotifier>().SendAsync(KimId, BotMessage.FromText("hej"), CancellationToken.None);

        Assert.Null(Assert.Single(await bot.Connector.WaitForRequestsAsync(1)).Authorization);
    }

    /// <summary>As if written by someone with database access: a reference pointing at the connector stand-in.</summary>
    private static Task StoreReferenceAsync(ChannelHarness bot) =>
        bot.Service<IConversationReferenceStore>().RememberAsync(new ConversationReference
        {
            PersonId = KimId,
            UserId = TeamsActivities.KimTeamsId,
            BotId = TeamsActivities.BotId,
            ServiceUrl = bot.Connector.ServiceUrl,
            ConversationId = TeamsActivities.PersonalChat,
            TenantId = ChannelHarness.TenantId,
        }, CancellationToken.None);
}
