using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace PresenceBot.Tests.OperatorPage;

/// <summary>What the page's script does, over plain HTTP: fetch the session (antiforgery cookie and token), then write with both.</summary>
internal sealed class PageClient : IDisposable
{
    private readonly HttpClient _client;
    private string? _token;

    public PageClient(PresenceBotApplication app)
    {
        using var probe = app.CreateClient();
        _client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = probe.BaseAddress };
    }

    public HttpClient Http => _client;

    public async Task<JsonNode> SessionAsync()
    {
        var (status, body) = await _client.GetJsonAsync("/switchboard/api/session");
        Assert.Equal(HttpStatusCode.OK, status);
        _token = (string?)body!["antiforgery"];
        return body;
    }

    public Task<(HttpStatusCode Status, JsonNode? Body)> RegisterAsync(string person, string json, bool withToken = true) =>
        SendAsync(HttpMethod.Put, person, json, withToken);

    public Task<(HttpStatusCode Status, JsonNode? Body)> EndAsync(string person, bool withToken = true) =>
        SendAsync(HttpMethod.Delete, person, null, withToken);

    public void Dispose() => _client.Dispose();

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string person, string? json, bool withToken)
    {
        using var request = new HttpRequestMessage(method, $"/switchboard/api/people/{person}/referral");
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (withToken)
        {
            request.Headers.Add("X-PresenceBot-Antiforgery", _token ?? throw new InvalidOperationException("Fetch the session first."));
        }

        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
