using System.Net;
using static PresenceBot.Tests.ApiClient;

namespace PresenceBot.Tests.Switchboard;

public sealed class ApiKeyTests : IAsyncLifetime
{
    private const string TrioKey = "trio-0123456789abcdef0123456789abcdef";
    private const string OperatorPageKey = "page-0123456789abcdef0123456789abcdef";

    private readonly PresenceBotApplication _app = new(new Dictionary<string, string?>
    {
        ["Switchboard:ApiKeys:trio"] = TrioKey,
        ["Switchboard:ApiKeys:operator-page"] = OperatorPageKey,
    });

    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-key")]
    [InlineData("trio")]
    [InlineData(TrioKey + "-and-more")]
    [InlineData("TRIO-0123456789ABCDEF0123456789ABCDEF")]
    public async Task Request_WithoutValidKey_Is401(string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/referrals/{KimUpn}");
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(TrioKey)]
    [InlineData(OperatorPageKey)]
    public async Task Request_WithAnyConfiguredKey_IsServed(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/referrals/{KimUpn}");
        request.Headers.Add("X-Api-Key", key);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Put_WithoutKey_Is401AndStoresNothing()
    {
        var (status, _) = await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "meeting", until = "2026-11-23T15:00" });

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(0, await TestDatabase.CountAsync(_app.DatabasePath, "referrals"));
    }

    [Theory]
    [InlineData("Anna%20i%20v%C3%A4xeln", "switchboard[trio]:Anna i växeln")]
    [InlineData(null, "switchboard[trio]")]
    public async Task AuditTrail_NamesTheKeyUsed_AlongsideTheOperator(string? operatorHeader, string actor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/referrals/{KimUpn}/manual")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { reason = "meeting", until = "2026-11-23T15:00" }),
        };
        request.Headers.Add("X-Api-Key", TrioKey);
        if (operatorHeader is not null)
        {
            request.Headers.Add("X-Operator", operatorHeader);
        }

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await TestDatabase.CountAsync(_app.DatabasePath, "audit_entries", $"Actor = '{actor}'"));
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task HealthEndpoints_NeedNoKey(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Put_WithoutValidKey_Is401BeforeTheBodyIsParsed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/referrals/{KimUpn}/manual")
        {
            Content = new StringContent("{ \"reason\": ", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", "wrong-key");

        using var response = await _client.SendAsync(request);

        // Not 400 for the broken JSON: the caller without a key learns nothing about what the API accepts.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Put_WithoutValidKey_Is401WithoutWaitingForTheBody()
    {
        var status = await UnsentBody.PutStatusLineAsync(_client.BaseAddress!, $"/api/referrals/{KimUpn}/manual", declaredLength: 10_000);

        Assert.StartsWith("HTTP/1.1 401", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_WithKeyAndADeclaredBodyOverTheLimit_Is413WithoutReadingIt()
    {
        var status = await UnsentBody.PutStatusLineAsync(_client.BaseAddress!, $"/api/referrals/{KimUpn}/manual", declaredLength: 1024 * 1024, apiKey: TrioKey);

        Assert.StartsWith("HTTP/1.1 413", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_WithKeyAndADeclaredBodyOverTheLimit_Is413InSwedish()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/referrals/{KimUpn}/manual")
        {
            Content = new StringContent($"{{\"note\": \"{new string('x', 20 * 1024)}\"}}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", TrioKey);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("högst 16 kB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
