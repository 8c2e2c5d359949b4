using Microsoft.Extensions.Options;
using PresenceBot.CalendarSync.Graph;
using PresenceBot.GraphStandIn;

namespace PresenceBot.Calendar;

/// <summary>
/// Runs the local Microsoft Graph stand-in inside the app on the embedded defaults, so a newcomer can book
/// an event through its dev API and watch the referral appear, with no tenant.
/// </summary>
internal sealed class GraphStandInHost(
    GraphEndpoint endpoint, IOptions<GraphStandInHostOptions> options, ILoggerFactory loggers, TimeProvider time, ILogger<GraphStandInHost> logger)
    : IHostedService, IAsyncDisposable
{
    public GraphStandInServer? Server { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Server = await GraphStandInServer.StartAsync(
            new GraphStandInOptions
            {
                Port = options.Value.Port,
                LoggerFactory = loggers,
                TimeProvider = time,
                DuplicateProbability = options.Value.DuplicateProbability,
                MaxExtraDelay = options.Value.MaxExtraDelay,
                BatchProbability = options.Value.BatchProbability,
                RandomSeed = options.Value.RandomSeed,
            },
            cancellationToken).ConfigureAwait(false);
        endpoint.Use(Server.BaseUrl);
        Log.GraphStandInStarted(logger, Server.BaseUrl.AbsoluteUri, Server.DevUrl.AbsoluteUri);
    }

    public Task StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (Server is { } server)
        {
            Server = null;
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
