using System.Net;
using System.Text.Json.Nodes;
using Azure.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PresenceBot.TeamsChannel.Connector;
using PresenceBot.TeamsChannel.Proactive;
using PresenceBot.TeamsChannel.Turns;

namespace PresenceBot.TeamsChannel.Tests.Support;

/// <summary>
/// The channel alone, as a host wires it (<c>AddTeamsChannel</c>, <c>MapBotEndpoint</c>), on real HTTP on loopback,
/// with in-memory stores, a recording conversation that knows only Kim, and loopback stand-ins: a connector, and (when
/// authenticated) a local OpenID issuer and a fake Entra credential whose token is <see cref="BotToken"/>.
/// </summary>
public sealed class ChannelHarness : IAsyncDisposable
{
    public const string AppId = "0b5e3c1a-7d2f-4e8b-9a61-3c4d5e6f7a8b";
    public const string TenantId = TeamsActivities.TenantId;
    public const string BotToken = "test-bot-token";

    /// <summary>Monday 23 November 2026, 09:00 in Stockholm.</summary>
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(1));

    private WebApplication _app = null!;
    private HttpClient _client = null!;

    private ChannelHarness()
    {
    }

    public FakeTimeProvider Clock { get; } = new(MondayMorning);

    public ConnectorStandIn Connector { get; private set; } = null!;

    public LocalOpenIdIssuer? Issuer { get; private set; }

    public RecordingConversation Conversation { get; } = new();

    public InMemoryConversationReferences References { get; } = new();

    public InMemoryTrustedServiceUrls TrustedServiceUrls { get; } = new();

    public FakeCredential Credential { get; private set; } = null!;

    public TeamsActivities Activities => new(Connector.ServiceUrl);

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <param name="authenticated">With an app id and the local issuer; otherwise anonymous, as for the Emulator.</param>
    /// <param name="trustConnector">List the connector stand-in in <c>Bot:TrustedServiceUrls</c>.</param>
    public static async Task<ChannelHarness> StartAsync(
        bool authenticated = false, IDictionary<string, string?>? settings = null, bool trustConnector = false)
    {
        var harness = new ChannelHarness { Connector = await ConnectorStandIn.StartAsync() };
        harness.Credential = new FakeCredential(harness.Clock);
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

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Test" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(all);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(harness.Clock);
        builder.AddTeamsChannel();
        builder.Services.AddSingleton<IConversationReferenceStore>(harness.References);
        builder.Services.AddSingleton<ITrustedServiceUrlStore>(harness.TrustedServiceUrls);
        builder.Services.AddSingleton<IBotPersonDirectory>(new KnownPeople(People.KimId));
        builder.Services.AddSingleton<IBotConversation>(harness.Conversation);
        builder.Services.AddKeyedSingleton<TokenCredential>(TeamsChannelSetup.CredentialKey, (_, _) => harness.Credential);
        harness._app = builder.Build();
        harness._app.MapBotEndpoint();
        await harness._app.StartAsync();
        var address = harness._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        harness._client = new HttpClient { BaseAddress = new Uri(address) };
        return harness;
    }

    public T Service<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>A channel token as the Bot Framework would send it, for this activity's service URL.</summary>
    public string ChannelToken() => Issuer!.CreateToken(Now, AppId, serviceUrl: Connector.ServiceUrl);

    public Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(JsonObject activity, string? token = null) =>
        PostRawAsync(activity.ToJsonString(), token);

    public Task<(HttpStatusCode Status, JsonNode? Body)> PostRawAsync(string body, string? token = null, string contentType = "application/json") =>
        BotEndpointClient.PostAsync(_client, body, token, contentType);

    /// <summary>For requests <see cref="PostRawAsync"/> cannot shape (a body without a declared length).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _client.SendAsync(request);

    /// <summary>The stored conversation references that match.</summary>
    public int CountReferences(Func<ConversationReference, bool>? where = null) => References.All.Count(where ?? (_ => true));

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Connector.DisposeAsync();
        if (Issuer is not null)
        {
            await Issuer.DisposeAsync();
        }
    }
}
