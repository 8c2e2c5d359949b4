using Microsoft.Extensions.Options;
using PresenceBot.CalendarSync.Graph;
using PresenceBot.GraphStandIn;

namespace PresenceBot.CalendarSync.Tests.Membership;

/// <summary>A Graph stand-in on loopback and the product's Graph client pointed at it.</summary>
internal sealed class StandInGraph : IAsyncDisposable
{
    private readonly GraphMetrics _metrics;

    private StandInGraph(GraphStandInServer server, GraphClientProvider client, GraphMetrics metrics)
    {
        _metrics = metrics;
        Server = server;
        Client = client;
    }

    public GraphStandInServer Server { get; }

    public GraphClientProvider Client { get; }

    public static async Task<StandInGraph> StartAsync()
    {
        // Graph answers 404 for a user it doesn't know; so does the stand-in here.
        var server = await GraphStandInServer.StartAsync(new GraphStandInOptions { AcceptUnknownUsers = false }, CancellationToken.None);
        var endpoint = new GraphEndpoint();
        endpoint.Use(server.BaseUrl);
        var metrics = new GraphMetrics();
        return new StandInGraph(server, new GraphClientProvider(endpoint, Options.Create(new GraphOptions()), metrics), metrics);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _metrics.Dispose();
        await Server.DisposeAsync();
    }
}
