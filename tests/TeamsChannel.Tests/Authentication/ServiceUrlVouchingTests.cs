using System.Net;
using PresenceBot.TeamsChannel.Proactive;
using PresenceBot.TeamsChannel.Tests.Support;
using PresenceBot.TeamsChannel.Turns;
using static PresenceBot.TeamsChannel.Tests.Support.People;

namespace PresenceBot.TeamsChannel.Tests.Authentication;

/// <summary>
/// Only a channel token's <c>serviceurl</c> claim vouches for a service URL. An Entra token of the bot's own app is
/// accepted, but its activity is answered only on an already trusted service URL, and never teaches one.
/// </summary>
public sealed class ServiceUrlVouchingTests
{
    [Fact]
    public async Task EntraTokenWithAForgedServiceUrl_SendsNothingThere_AndNothingIsLearnedOrStored()
    {
        await using var bot = await ChannelHarness.StartAsync(authenticated: true);
        await using var forged = await ConnectorStandIn.StartAsync();
        var token = bot.Issuer!.CreateEntraToken(bot.Now, ChannelHarness.AppId, ChannelHarness.TenantId, azp: ChannelHarness.AppId);

        var (status, _) = await bot.PostAsync(new TeamsActivities(forged.ServiceUrl).Message(), token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(forged.Requests);
        Assert.Equal(0, bot.TrustedServiceUrls.Count);
        Assert.Equal(0, bot.CountReferences());
        Assert.Equal(0, bot.Credential.Issued);
    }

    [Fact]
    public async Task EntraTokenActivity_DoesNotReplaceAStoredReference_WithItsServiceUrl()
    {
        await using var bot = await ChannelHarness.StartAsync(authenticated: true);
        await using var forged = await ConnectorStandIn.StartAsync();
        await bot.PostAsync(bot.Activities.Installation("add"), bot.ChannelToken());
        var token = bot.Issuer!.CreateEntraToken(bot.Now, ChannelHarness.AppId, ChannelHarness.TenantId, azp: ChannelHarness.AppId);

        await bot.PostAsync(new TeamsActivities(forged.ServiceUrl).Message(), token);
        await bot.Service<ITeamsNotifier>().SendAsync(KimId, BotMessage.FromText("påminnelse"), CancellationToken.None);

        Assert.Equal(bot.Connector.ServiceUrl, Assert.Single(bot.References.All).ServiceUrl);
        Assert.Empty(forged.Requests);
        Assert.Equal($"Bearer {ChannelHarness.BotToken}", Assert.Single(await bot.Connector.WaitForRequestsAsync(1)).Authorization);
    }

    [Fact]
    public async Task EntraTokenActivity_OnATrustedServiceUrl_IsAnsweredWithTheBotsToken()
    {
        await using var bot = await ChannelHarness.StartAsync(authenticated: true, trustConnector: true);
        var token = bot.Issuer!.CreateEntraToken(bot.Now, ChannelHarness.AppId, ChannelHarness.TenantId, azp: ChannelHarness.AppId);

        var (status, _) = await bot.PostAsync(bot.Activities.Message(), token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($"Bearer {ChannelHarness.BotToken}", Assert.Single(await bot.Connector.WaitForRequestsAsync(1)).Authorization);
        Assert.Equal(1, bot.CountReferences());
    }

    [Fact]
    public async Task ChannelTokenVouchingForAnotherServiceUrl_Is401_AndTheForgedUrlSeesNothing()
    {
        await using var bot = await ChannelHarness.StartAsync(authenticated: true);
        await using var forged = await ConnectorStandIn.StartAsync();

        var (status, _) = await bot.PostAsync(new TeamsActivities(forged.ServiceUrl).Message(), bot.ChannelToken());

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Empty(forged.Requests);
        Assert.Equal(0, bot.TrustedServiceUrls.Count);
    }

    [Fact]
    public async Task ChannelTokenClaim_IsComparedWithoutRegardToCase()
    {
        await using var bot = await ChannelHarness.StartAsync(authenticated: true);
        var token = bot.Issuer!.CreateToken(bot.Now, ChannelHarness.AppId, serviceUrl: bot.Connector.ServiceUrl.ToUpperInvariant());

        var (status, _) = await bot.PostAsync(bot.Activities.Message(), token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, bot.TrustedServiceUrls.Count);
    }
}
