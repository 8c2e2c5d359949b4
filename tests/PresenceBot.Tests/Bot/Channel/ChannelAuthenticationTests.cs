using System.Net;

namespace PresenceBot.Tests.Bot.Channel;

/// <summary>With an app id every activity needs a valid token: checked against a local issuer with its own keys.</summary>
public sealed class ChannelAuthenticationTests : IAsyncLifetime
{
    private TeamsBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await TeamsBotHarness.StartAsync(authenticated: true);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task ValidChannelToken_IsAccepted_AndTheReplyCarriesTheBotsToken()
    {
        var (status, _) = await _bot.PostAsync(_bot.Activities.Message(), _bot.ChannelToken());

        Assert.Equal(HttpStatusCode.OK, status);
        var reply = Assert.Single(await _bot.Connector.WaitForRequestsAsync(1));
        Assert.Equal($"Bearer {TeamsBotHarness.BotToken}", reply.Authorization);
        Assert.Equal(["https://api.botframework.com/.default"], _bot.Credential.Scopes);
    }

    [Fact]
    public async Task ValidEntraTokenOfTheBotsTenant_IsAccepted()
    {
        var token = _bot.Issuer!.CreateToken(_bot.Now, TeamsBotHarness.AppId,
            issuer: LocalOpenIdIssuer.EntraIssuer(TeamsBotHarness.TenantId), kid: LocalOpenIdIssuer.EntraKid);

        var (status, _) = await _bot.PostAsync(_bot.Activities.Message(), token);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task TokenExpiredWithinFiveMinutesSkew_IsAccepted()
    {
        var token = _bot.Issuer!.CreateToken(_bot.Now, TeamsBotHarness.AppId, serviceUrl: _bot.Connector.ServiceUrl, expiresIn: TimeSpan.FromMinutes(10));
        _bot.App.Clock.Advance(TimeSpan.FromMinutes(14));

        var (status, _) = await _bot.PostAsync(_bot.Activities.Message(), token);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    public static TheoryData<string> Refusals => new()
    {
        "missing header", "wrong audience", "wrong issuer", "other tenant's Entra token", "expired", "not yet valid",
        "bad signature", "unendorsed key", "serviceUrl mismatch", "not a JWT",
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task InvalidToken_Is401_AndNothingIsProcessed(string fault)
    {
        var issuer = _bot.Issuer!;
        var serviceUrl = _bot.Connector.ServiceUrl;
        var now = _bot.Now;
        var token = fault switch
        {
            "missing header" => null,
            "wrong audience" => issuer.CreateToken(now, "9f8e7d6c-0000-4000-8000-000000000000", serviceUrl: serviceUrl),
            "wrong issuer" => issuer.CreateToken(now, TeamsBotHarness.AppId, issuer: "https://api.botframework.com.evil.example", serviceUrl: serviceUrl),
            "other tenant's Entra token" => issuer.CreateToken(now, TeamsBotHarness.AppId,
                issuer: LocalOpenIdIssuer.EntraIssuer("dddddddd-0000-4000-8000-000000000000"), kid: LocalOpenIdIssuer.EntraKid),
            "expired" => issuer.CreateToken(now - TimeSpan.FromHours(2), TeamsBotHarness.AppId, serviceUrl: serviceUrl),
            "not yet valid" => issuer.CreateToken(now + TimeSpan.FromMinutes(30), TeamsBotHarness.AppId, serviceUrl: serviceUrl),
            "bad signature" => issuer.CreateToken(now, TeamsBotHarness.AppId, serviceUrl: serviceUrl, signWith: issuer.RogueKey),
            "unendorsed key" => issuer.CreateToken(now, TeamsBotHarness.AppId, kid: LocalOpenIdIssuer.UnendorsedKid, serviceUrl: serviceUrl),
            "serviceUrl mismatch" => issuer.CreateToken(now, TeamsBotHarness.AppId, serviceUrl: "https://smba.trafficmanager.net/emea/"),
            "not a JWT" => "abc.def",
            _ => throw new ArgumentOutOfRangeException(nameof(fault)),
        };

        var (status, _) = await _bot.PostAsync(_bot.Activities.Message(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Empty(_bot.Connector.Requests);
        Assert.Equal(0, await _bot.CountAsync("conversation_references"));
        Assert.Equal(0, await _bot.CountAsync("trusted_service_urls"));
    }

    [Fact]
    public async Task AuthenticatedActivity_TeachesItsServiceUrl_AndPersistsIt()
    {
        await _bot.PostAsync(_bot.Activities.Message(), _bot.ChannelToken());

        Assert.Equal(1, await _bot.CountAsync("trusted_service_urls"));
    }
}
