using Microsoft.Extensions.Options;
using PresenceBot.CalendarSync.Graph;
using PresenceBot.CalendarSync.Subscriptions;
using PresenceBot.GraphStandIn;

namespace PresenceBot.Calendar;

/// <summary>
/// Runs the local Microsoft Graph stand-in inside the app on the embedded defaults, so a newcomer can book
/// an event through its dev API and watch the referral appear, with no tenant.
/// </summary>
internal sealed class GraphStandInHost(
    GraphEndpoint endpoint,
    ISubscriptionStore subscriptions,
    IOptions<GraphStandInHostOptions> options,
    ILoggerFactory loggers,
    TimeProvider time,
    ILogger<GraphStandInHost> logger)
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

        // The stand-in keeps subscriptions in memory, so those stored by an earlier run are unknown to this one
        // and would never be notified (nor renewed before they are due, days later). Forget them: the start-up
        // reconcile, which runs once the app listens, subscribes everyone afresh. (The migrator has run by now.)
        foreach (var stale in await subscriptions.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            await subscriptions.DeleteAsync(stale.Id, cancellationToken).ConfigureAwait(false);
        }
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
