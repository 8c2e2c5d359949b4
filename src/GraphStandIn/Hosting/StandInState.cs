using PresenceBot.GraphStandIn.Calendars;
using PresenceBot.GraphStandIn.Directory;
using PresenceBot.GraphStandIn.Mail;
using PresenceBot.GraphStandIn.Faults;
using PresenceBot.GraphStandIn.Notifications;
using PresenceBot.GraphStandIn.Paging;
using PresenceBot.GraphStandIn.Presence;
using PresenceBot.GraphStandIn.Stats;
using PresenceBot.GraphStandIn.Subscriptions;
using PresenceBot.GraphStandIn.Writes;

namespace PresenceBot.GraphStandIn.Hosting;

/// <summary>Everything one stand-in instance holds; handlers receive it from DI.</summary>
internal sealed class StandInState
{
    public required GraphStandInOptions Options { get; init; }

    public required HttpClient Http { get; init; }

    public required StatsCounters Stats { get; init; }

    public required StandInDirectory Directory { get; init; }

    public required CalendarStore Store { get; init; }

    public required StandInMailboxes Mailboxes { get; init; }

    public required StandInCalendars Calendars { get; init; }

    public required SubscriptionStore Subscriptions { get; init; }

    public required NotificationDispatcher Notifications { get; init; }

    public required FaultInjector Faults { get; init; }

    public required PageStore Pages { get; init; }

    public required StandInPresence Presence { get; init; }

    public required ReceivedWriteLog Writes { get; init; }

    /// <summary>The user a Graph path names, created on the fly when <see cref="GraphStandInOptions.AcceptUnknownUsers"/>.</summary>
    public StandInUser? User(string idOrPrincipalName) =>
        Options.AcceptUnknownUsers ? Directory.EnsureUser(idOrPrincipalName) : Directory.FindUser(idOrPrincipalName);

    /// <summary>Set once Kestrel has bound its port: http://127.0.0.1:PORT/v1.0/.</summary>
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1/v1.0/");
}
