using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PresenceBot.TeamsChannel.Tests.Support;

namespace PresenceBot.Tests.Bot;

/// <summary>
/// The host with its Teams bot (the channel, our stores and the shipped conversation) wired to a loopback connector
/// stand-in; anonymous, as for the Emulator. The channel's own behaviour is tested beside it, in TeamsChannel.Tests.
/// </summary>
public sealed class TeamsBotHarness : IAsyncDisposable
{
    private HttpClient _client = null!;

    private TeamsBotHarness()
    {
    }

    public PresenceBotApplication App { get; private set; } = null!;

    public ConnectorStandIn Connector { get; private set; } = null!;

    public TeamsActivities Activities => new(Connector.ServiceUrl);

    public static async Task<TeamsBotHarness> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var harness = new TeamsBotHarness { Connector = await ConnectorStandIn.StartAsync() };
        harness.App = new PresenceBotApplication(settings ?? new Dictionary<string, string?>());
        harness._client = harness.App.CreateClient();
        return harness;
    }

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(JsonObject activity) =>
        BotEndpointClient.PostAsync(_client, activity.ToJsonString(), token: null, "application/json");

    public Task<long> CountAsync(string table, string where = "1 = 1") => TestDatabase.CountAsync(App.DatabasePath, table, where);

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await App.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
