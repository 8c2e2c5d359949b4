using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
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
        var asked = options.Value.Port;
        var port = asked ?? GraphStandInHostOptions.DefaultPort;
        try
        {
            Server = await StartServerAsync(port, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException && asked is not null)
        {
            throw PortInUse(port, ex);
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException)
        {
            // The embedded default is busy (a second instance, another tool): any free port serves a local run as well.
            Server = await StartServerAsync(0, cancellationToken).ConfigureAwait(false);
            Log.GraphStandInDefaultPortBusy(logger, port, Server.BaseUrl.Port);
        }

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

    /// <summary>
    /// Stops start-up, naming the key, when <c>GraphStandIn:Port</c> was given and is taken. Checked while the app is
    /// built (a listener opened and closed at once); <see cref="StartAsync"/> still refuses it should the port be taken
    /// in between.
    /// </summary>
    public static void RefuseBusyExplicitPort(IConfiguration configuration)
    {
        if (!int.TryParse(configuration[$"{GraphStandInHostOptions.SectionName}:Port"], out var port) || port is <= 0 or > 65535)
        {
            return;
        }

        var probe = new TcpListener(IPAddress.Loopback, port);
        try
        {
            probe.Start();
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw PortInUse(port, ex);
        }
        finally
        {
            probe.Dispose();
        }
    }

    private static StartupConfigurationException PortInUse(int port, Exception inner) => new(
        $"GraphStandIn:Port {port} is already in use on 127.0.0.1 (another PresenceBot or another program holds it): free it, or set GraphStandIn:Port to another port (0 = any free port).",
        inner);

    private Task<GraphStandInServer> StartServerAsync(int port, CancellationToken cancellationToken) =>
        GraphStandInServer.StartAsync(
            new GraphStandInOptions
            {
                Port = port,
                LoggerFactory = loggers,
                TimeProvider = time,
                DuplicateProbability = options.Value.DuplicateProbability,
                MaxExtraDelay = options.Value.MaxExtraDelay,
                BatchProbability = options.Value.BatchProbability,
                RandomSeed = options.Value.RandomSeed,
            },
            cancellationToken);

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
