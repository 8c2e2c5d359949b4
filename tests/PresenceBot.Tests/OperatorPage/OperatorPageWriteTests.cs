using System.Net;
using static PresenceBot.Tests.ApiClient;

namespace PresenceBot.Tests.OperatorPage;

/// <summary>The page's writes: the API's own rules and Swedish errors, antiforgery, and the operator in the audit trail.</summary>
public sealed class OperatorPageWriteTests : IAsyncLifetime
{
    private readonly PresenceBotApplication _app = new();
    private PageClient _page = null!;

    public async Task InitializeAsync()
    {
        _page = new PageClient(_app);
        await _page.SessionAsync();
    }

    public async Task DisposeAsync()
    {
        _page.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task AWriteWithoutTheAntiforgeryToken_Is400InSwedish_AndStoresNothing()
    {
        var (status, body) = await _page.RegisterAsync(KimUpn, """{ "reason": "meeting", "until": "2026-11-23T15:00" }""", withToken: false);
        var (endStatus, _) = await _page.EndAsync(KimUpn, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Sidan behöver laddas om.", (string?)body!["title"]);
        Assert.Equal(HttpStatusCode.BadRequest, endStatus);
        Assert.Equal(0, await TestDatabase.CountAsync(_app.DatabasePath, "referrals"));
        Assert.Equal(0, await TestDatabase.CountAsync(_app.DatabasePath, "audit_entries"));
    }

    [Fact]
    public async Task ATokenWithoutItsCookie_IsRefused()
    {
        var token = (string?)(await _page.SessionAsync())["antiforgery"];
        using var stranger = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/switchboard/api/people/{KimUpn}/referral");
        request.Headers.Add("X-PresenceBot-Antiforgery", token);

        using var response = await stranger.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("""{ "reason": "party", "until": "2026-11-23T15:00" }""")]
    [InlineData("""{ "reason": "meeting", "until": "2026-11-23T08:00" }""")]
    [InlineData("""{ "reason": "meeting", "untill": "2026-11-23T15:00" }""")]
    [InlineData("""{ "reason": "meeting", "until": "2026-11-23T15:00", "phone": "half" }""")]
    [InlineData("""{ "reason": "meeting" }""")]
    [InlineData("[]")]
    public async Task BadInput_GetsExactlyTheApisAnswer_AndStoresNothing(string json)
    {
        using var api = _app.CreateClient();
        var (apiStatus, apiBody) = await api.PutRawAsync($"/api/referrals/{KimUpn}/manual", json);

        var (status, body) = await _page.RegisterAsync(KimUpn, json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(apiStatus, status);
        Assert.Equal(apiBody!["errors"]!.ToJsonString(), body!["errors"]!.ToJsonString());
        Assert.Equal(0, await TestDatabase.CountAsync(_app.DatabasePath, "referrals"));
    }

    [Fact]
    public async Task RegisterAndEnd_AreAuditedAsThePage_WithoutSignInAsLocal()
    {
        var (status, body) = await _page.RegisterAsync(KimUpn, """{ "reason": "meeting", "until": "2026-11-23T15:00" }""");
        var (endStatus, ended) = await _page.EndAsync(KimUpn);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("referred", (string?)body!["state"]);
        Assert.Equal(HttpStatusCode.OK, endStatus);
        Assert.Equal("available", (string?)ended!["state"]);
        Assert.Equal(2, await TestDatabase.CountAsync(_app.DatabasePath, "audit_entries", "Actor = 'switchboard[page]:lokal' AND Source = 'Switchboard'"));
    }

    [Fact]
    public async Task AnUnknownPerson_Is404()
    {
        var (status, _) = await _page.RegisterAsync("nobody@example.se", """{ "reason": "meeting", "until": "2026-11-23T15:00" }""");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
