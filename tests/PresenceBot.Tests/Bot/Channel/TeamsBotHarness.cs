using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using PresenceBot.Bot;
using PresenceBot.Bot.Channel;

namespace PresenceBot.Tests.Bot.Channel;

/// <summary>
/// The host with its Teams channel wired to loopback stand-ins: a connector, and (when authenticated) a local
/// OpenID issuer and a fake Entra credential whose token is <see cref="BotToken"/>.
/// </summary>
public sealed class TeamsBotHarness : IAsyncDisposable
{
    public const string AppId = "0b5e3c1a-7d2f-4e8b-9a61-3c4d5e6f7a8b";
    public const string TenantId = "c0ffee00-1111-4222-8333-444455556666";
    public const string BotToken = "test-bot-token";

    private HttpClient _client = null!;

    private TeamsBotHarness()
    {
    }

    public PresenceBotApplication App { get; private set; } = null!;

    public ConnectorStandIn Connector { get; private set; } = null!;

    public LocalOpenIdIssuer? Issuer { get; private set; }

    public RecordingConversation Conversation { get; } = new();

    public FakeCredential Credential { get; private set; } = null!;

    public Activities Activities => new(Connector.ServiceUrl);

    public DateTimeOffset Now => App.Clock.GetUtcNow();

    /// <param name="authenticated">With an app id and the local issuer; otherwise anonymous, as for the Emulator.</param>
    /// <param name="recordTurns">Use <see cref="Conversation"/> instead of the placeholder conversation.</param>
    /// <param name="trustConnector">List the connector stand-in in <c>Bot:TrustedServiceUrls</c>.</param>
    public static async Task<TeamsBotHarness> StartAsync(
        bool authenticated = false, bool recordTurns = false, IDictionary<string, string?>? settings = null, bool trustConnector = false)
    {
        var harness = new TeamsBotHarness { Connector = await ConnectorStandIn.StartAsync() };
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (trustConnector)
        {
            all["Bot:TrustedServiceUrls:0"] = harness.Connector.ServiceUrl;
        }
        if (authenticated)
        {
            harness.Issuer = await LocalOpenIdIssuer.StartAsync();
            all["MicrosoftAppId"] = AppId;
            all["MicrosoftAppType"] = "SingleTenant";
            all["MicrosoftAppTenantId"] = TenantId;
            all["MicrosoftAppPassword"] = "never-used: the credential is faked";
            all["Bot:ChannelOpenIdMetadataUrl"] = harness.Issuer.ChannelMetadataUrl;
            all["Bot:EntraOpenIdMetadataUrl"] = harness.Issuer.EntraMetadataUrl;
        }

        harness.App = new PresenceBotApplication(all, services: services =>
        {
            services.AddKeyedSingleton<TokenCredential>(ConnectorTokenProvider.CredentialKey, (provider, _) => harness.Credential);
            if (recordTurns)
            {
                services.AddSingleton<IBotConversation>(harness.Conversation);
            }
        });
        harness.Credential = new FakeCredential(harness.App.Clock);
        harness._client = harness.App.CreateClient();
        return harness;
    }

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>A channel token as the Bot Framework would send it, for this activity's service URL.</summary>
    public string ChannelToken() => Issuer!.CreateToken(Now, AppId, serviceUrl: Connector.ServiceUrl);

    public Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(JsonObject activity, string? token = null) =>
        PostRawAsync(activity.ToJsonString(), token);

    public async Task<(HttpStatusCode Status, JsonNode? Body)> PostRawAsync(string body, string? token = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true && text.Length > 0 ? JsonNode.Parse(text) : null);
    }

    public Task<long> CountAsync(string table, string where = "1 = 1") => TestDatabase.CountAsync(App.DatabasePath, table, where);

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await App.DisposeAsync();
        await Connector.DisposeAsync();
        if (Issuer is not null)
        {
            await Issuer.DisposeAsync();
        }
    }
}
