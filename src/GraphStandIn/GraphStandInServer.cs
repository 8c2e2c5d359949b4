using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PresenceBot.GraphStandIn.Calendars;
using PresenceBot.GraphStandIn.Directory;
using PresenceBot.GraphStandIn.Faults;
using PresenceBot.GraphStandIn.Hosting;
using PresenceBot.GraphStandIn.Mail;
using PresenceBot.GraphStandIn.Notifications;
using PresenceBot.GraphStandIn.Paging;
using PresenceBot.GraphStandIn.Presence;
using PresenceBot.GraphStandIn.Stats;
using PresenceBot.GraphStandIn.Subscriptions;
using PresenceBot.GraphStandIn.Writes;

namespace PresenceBot.GraphStandIn;

/// <summary>
/// A local Microsoft Graph on loopback: the subscriptions, calendar, inbox and directory endpoints the product uses, in
/// Graph's JSON, plus a dev API (<c>/dev/…</c>) and the same operations in-process for tests. It posts change
/// notifications to subscribers the way Graph does.
/// </summary>
public sealed class GraphStandInServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StandInState _state;
    private readonly SocketsHttpHandler _handler;

    private GraphStandInServer(WebApplication app, StandInState state, SocketsHttpHandler handler)
    {
        _app = app;
        _state = state;
        _handler = handler;
    }

    /// <summary>The Graph root with a trailing slash, e.g. http://127.0.0.1:5123/v1.0/ .</summary>
    public Uri BaseUrl => _state.BaseUrl;

    /// <summary>The dev API root, e.g. http://127.0.0.1:5123/dev/ .</summary>
    public Uri DevUrl => new(_state.BaseUrl, "/dev/");

    public StandInCalendars Calendars => _state.Calendars;

    public StandInDirectory Directory => _state.Directory;

    public StandInMailboxes Mailboxes => _state.Mailboxes;

    public FaultInjector Faults => _state.Faults;

    /// <summary>Teams status messages: the current one per person and every one ever set.</summary>
    public StandInPresence Presence => _state.Presence;

    /// <summary>Every Graph POST, PATCH, PUT and DELETE received, bodies as sent (also <c>GET /dev/writes</c>).</summary>
    public IReadOnlyList<ReceivedWrite> ReceivedWrites => _state.Writes.All();

    public IReadOnlyList<StandInSubscription> Subscriptions => _state.Subscriptions.Active();

    public StandInStats Stats => _state.Stats.Snapshot();

    public static async Task<GraphStandInServer> StartAsync(GraphStandInOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };

        // One handler for every outgoing call (webhooks, validation, batch dispatch); timeouts are per call.
        var http = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        var stats = new StatsCounters();
        var directory = new StandInDirectory();
        var subscriptions = new SubscriptionStore(options.TimeProvider);
        var notifications = new NotificationDispatcher(http, subscriptions, directory, options, stats);
        var store = new CalendarStore();
        var state = new StandInState
        {
            Options = options,
            Http = http,
            Stats = stats,
            Directory = directory,
            Store = store,
            Calendars = new StandInCalendars(store, directory, notifications, options.TimeProvider),
            Mailboxes = new StandInMailboxes(new MailStore(), directory, options.TimeProvider),
            Subscriptions = subscriptions,
            Notifications = notifications,
            Faults = new FaultInjector(stats),
            Pages = new PageStore(),
            Presence = new StandInPresence(directory, options.TimeProvider),
            Writes = new ReceivedWriteLog(),
        };

        var app = StandInApp.Build(state);
        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        state.BaseUrl = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/v1.0/"));
        Log.Listening(options.LoggerFactory.CreateLogger("PresenceBot.GraphStandIn"), state.BaseUrl);
        return new GraphStandInServer(app, state, handler);
    }

    /// <summary>Posts a lifecycle event (reauthorizationRequired, subscriptionRemoved or missed) to the subscriber.</summary>
    public LifecycleOutcome SendLifecycleEvent(string subscriptionId, string lifecycleEvent) =>
        LifecycleEvents.Send(_state, subscriptionId, lifecycleEvent);

    /// <summary>Completes when every queued notification was acknowledged or given up.</summary>
    public Task WhenNotificationsSettledAsync(CancellationToken ct) => _state.Notifications.WhenIdleAsync(ct);

    /// <summary>Forgets every deltaLink, so the next delta call answers 410 Gone and the client must resync.</summary>
    public void ExpireDeltaTokens() => _state.Pages.ExpireDeltaTokens();

    public async ValueTask DisposeAsync()
    {
        await _state.Notifications.DisposeAsync().ConfigureAwait(false);
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _state.Http.Dispose();
        _handler.Dispose();
    }
}
