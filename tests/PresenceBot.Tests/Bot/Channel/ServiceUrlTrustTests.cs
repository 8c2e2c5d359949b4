using PresenceBot.Bot;
using PresenceBot.Bot.Channel;
using static PresenceBot.Tests.ApiClient;

namespace PresenceBot.Tests.Bot.Channel;

/// <summary>The bot's token goes only to trusted service URLs, never to one that merely sits in stored data.</summary>
public sealed class ServiceUrlTrustTests
{
    [Fact]
    public async Task UntrustedServiceUrlInStoredData_GetsNoToken()
    {
        await using var bot = await TeamsBotHarness.StartAsync(authenticated: true);
        await StoreReferenceAsync(bot);

        await bot.Service<ITeamsNotifier>().SendAsync(KimId, BotMessage.FromText("hej"), CancellationToken.None);

        var request = Assert.Single(await bot.Connector.WaitForRequestsAsync(1));
        Assert.Null(request.Authorization);
        Assert.Equal(0, bot.Credential.Issued);
    }

    [Fact]
    public async Task ConfiguredServiceUrl_GetsTheToken()
    {
        await using var bot = await TeamsBotHarness.StartAsync(authenticated: true, trustConnector: true);
        await StoreReferenceAsync(bot);

        await bot.Service<ITeamsNotifier>().SendAsync(KimId, BotMessage.FromText("hej"), CancellationToken.None);

        Assert.Equal($"Bearer {TeamsBotHarness.BotToken}", Assert.Single(await bot.Connector.WaitForRequestsAsync(1)).Authorization);
    }

    [Fact]
    public async Task ServiceUrlLearnedFromAnAuthenticatedActivity_GetsTheToken_AlsoForProactiveMessages()
    {
        await using var bot = await TeamsBotHarness.StartAsync(authenticated: true);
        await bot.PostAsync(bot.Activities.Installation("add"), bot.ChannelToken());

        await bot.Service<ITeamsNotifier>().SendAsync(KimId, BotMessage.FromText("hej"), CancellationToken.None);

        Assert.Equal($"Bearer {TeamsBotHarness.BotToken}", Assert.Single(await bot.Connector.WaitForRequestsAsync(1)).Authorization);
    }

    [Fact]
    public async Task AnonymousBot_NeverSendsAToken_EvenToAConfiguredServiceUrl()
    {
        await using var bot = await TeamsBotHarness.StartAsync(trustConnector: true);
        await StoreReferenceAsync(bot);

        await bot.Service<ITeamsNotifier>().SendAsync(KimId, BotMessage.FromText("hej"), CancellationToken.None);

        Assert.Null(Assert.Single(await bot.Connector.WaitForRequestsAsync(1)).Authorization);
    }

    /// <summary>As if written by someone with database access: a reference pointing at the connector stand-in.</summary>
    private static Task StoreReferenceAsync(TeamsBotHarness bot) =>
        bot.Service<IConversationReferenceStore>().RememberAsync(new ConversationReference
        {
            PersonId = KimId,
            UserId = Activities.KimTeamsId,
            BotId = Activities.BotId,
            ServiceUrl = bot.Connector.ServiceUrl,
            ConversationId = Activities.PersonalChat,
            TenantId = TeamsBotHarness.TenantId,
        }, CancellationToken.None);
}
