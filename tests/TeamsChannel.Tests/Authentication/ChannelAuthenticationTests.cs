using System.Net;
using PresenceBot.TeamsChannel.Connector;
using PresenceBot.TeamsChannel.Tests.Support;

namespace PresenceBot.TeamsChannel.Tests.Authentication;

/// <summary>With an app id every activity needs a valid token: checked against a local issuer with its own keys.</summary>
public sealed class ChannelAuthenticationTests : IAsyncLifetime
{
    private ChannelHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChannelHarness.StartAsync(authenticated: true);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task ValidChannelToken_IsAccepted_AndTheReplyCarriesTheBotsToken()
    {
        var (status, _) = await _bot.PostAsync(_bot.Activities.Message(), _bot.ChannelToken());

        Assert.Equal(HttpStatusCode.OK, status);
        var reply = Assert.Single(await _bot.Connector.WaitForRequestsAsync(1));
        Assert.Equal($"Bearer {ChannelHarness.BotToken}", reply.Authorization);
        Assert.Equal(["https://api.botframework.com/.default"], _bot.Credential.Scopes);
    }

    [Fact]
    public async Task ValidEntraTokenOfTheBotsTenant_IsAccepted()
    {
        var token = _bot.Issuer!.CreateEntraToken(_bot.Now, ChannelHarness.AppId, ChannelHarness.TenantId, azp: ChannelHarness.AppId);

        var (status, _) = await _bot.PostAsync(_bot.Activities.Message(), token);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task ValidV1EntraTokenOfTheBotsOwnApp_IsAccepted()
    {
        var token = _bot.Issuer!.CreateToken(_bot.Now, ChannelHarness.AppId, issuer: $"https://sts.windows.net/{ChannelHarness.TenantId}/",
            kid: LocalOpenIdIssuer.EntraKid, extraClaims: new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = ChannelHarness.AppId });

        var (status, _) = await _bot.PostAsync(_bot.Activities.Message(), token);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task TokenExpiredWithinFiveMinutesSkew_IsAccepted()
    {
        var token = _bot.Issuer!.CreateToken(_bot.Now, ChannelHarness.AppId, serviceUrl: _bot.Connector.ServiceUrl, expiresIn: TimeSpan.FromMinutes(10));
        _bot.Clock.Advance(TimeSpan.FromMinutes(14));

        var (status, _) = await _bot.PostAsync(_bot.Activities.Message(), token);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    public static TheoryData<string> Refusals => new()
    {
        "missing header", "wrong audience", "wrong issuer", "other tenant's Entra token", "expired", "not yet valid",
        "bad signature", "unendorsed key", "serviceUrl mismatch", "not a JWT",
        "tenant token from another app", "v1 tenant token from another app", "channel token without serviceurl", "garbage bearer", "garbage shaped like a JWT",
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
            "wrong issuer" => issuer.CreateToken(now, ChannelHarness.AppId, issuer: "https://api.botframework.com.evil.example", serviceUrl: serviceUrl),
            "other tenant's Entra token" => issuer.CreateEntraToken(now, ChannelHarness.AppId, "dddddddd-0000-4000-8000-000000000000", azp: ChannelHarness.AppId),
            "expired" => issuer.CreateToken(now - TimeSpan.FromHours(2), ChannelHarness.AppId, serviceUrl: serviceUrl),
            "not yet valid" => issuer.CreateToken(now + TimeSpan.FromMinutes(30), ChannelHarness.AppId, serviceUrl: serviceUrl),
            "bad signature" => issuer.CreateToken(now, ChannelHarness.AppId, serviceUrl: serviceUrl, signWith: issuer.RogueKey),
            "unendorsed key" => issuer.CreateToken(now, ChannelHarness.AppId, kid: LocalOpenIdIssuer.UnendorsedKid, serviceUrl: serviceUrl),
            "serviceUrl mismatch" => issuer.CreateToken(now, ChannelHarness.AppId, serviceUrl: "https://smba.trafficmanager.net/emea/"),
            "not a JWT" => "abc.def",
            "tenant token from another app" => issuer.CreateEntraToken(now, ChannelHarness.AppId, ChannelHarness.TenantId, azp: "5d4c3b2a-0000-4000-8000-000000000000"),
            "v1 tenant token from another app" => issuer.CreateToken(now, ChannelHarness.AppId, issuer: $"https://sts.windows.net/{ChannelHarness.TenantId}/",
                kid: LocalOpenIdIssuer.EntraKid, extraClaims: new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = "5d4c3b2a-0000-4000-8000-000000000000" }),
            "channel token without serviceurl" => issuer.CreateToken(now, ChannelHarness.AppId),
            "garbage bearer" => "x.y",
            "garbage shaped like a JWT" => "eyJub3Q.anNvbg.c2ln",
            _ => throw new ArgumentOutOfRangeException(nameof(fault)),
        };

        var (status, _) = await _bot.PostAsync(_bot.Activities.Message(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Empty(_bot.Connector.Requests);
        Assert.Equal(0, _bot.CountReferences());
        Assert.Equal(0, _bot.TrustedServiceUrls.Count);
    }

    [Fact]
    public async Task AuthenticatedActivity_TeachesItsServiceUrl_AndPersistsIt()
    {
        await _bot.PostAsync(_bot.Activities.Message(), _bot.ChannelToken());

        Assert.Equal(1, _bot.TrustedServiceUrls.Count);
    }
}
