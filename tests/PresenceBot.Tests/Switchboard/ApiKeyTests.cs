using System.Net;
using static PresenceBot.Tests.ApiClient;

namespace PresenceBot.Tests.Switchboard;

public sealed class ApiKeyTests : IAsyncLifetime
{
    private readonly PresenceBotApplication _app = new(new Dictionary<string, string?>
    {
        ["Switchboard:ApiKeys:0"] = "first-key",
        ["Switchboard:ApiKeys:1"] = "second-key",
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
    [InlineData("first-key-and-more")]
    [InlineData("FIRST-KEY")]
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
    [InlineData("first-key")]
    [InlineData("second-key")]
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
        var status = await UnsentBody.PutStatusLineAsync(_client.BaseAddress!, $"/api/referrals/{KimUpn}/manual", declaredLength: 1024 * 1024, apiKey: "first-key");

        Assert.StartsWith("HTTP/1.1 413", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_WithKeyAndADeclaredBodyOverTheLimit_Is413InSwedish()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/referrals/{KimUpn}/manual")
        {
            Content = new StringContent($"{{\"note\": \"{new string('x', 20 * 1024)}\"}}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", "first-key");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("högst 16 kB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
