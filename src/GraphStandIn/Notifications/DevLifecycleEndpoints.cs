using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PresenceBot.GraphStandIn.Hosting;

namespace PresenceBot.GraphStandIn.Notifications;

/// <summary>Lifecycle events on demand: <c>POST /dev/subscriptions/{id}/lifecycle/{event}</c>.</summary>
internal static class DevLifecycleEndpoints
{
    public static RouteGroupBuilder MapDevLifecycle(this RouteGroupBuilder dev)
    {
        dev.MapPost("/subscriptions/{id}/lifecycle/{lifecycleEvent}", Send);
        return dev;
    }

    internal static IResult Send(string id, string lifecycleEvent, StandInState state) =>
        LifecycleEvents.Send(state, id, lifecycleEvent) switch
        {
            LifecycleOutcome.Sent => Results.Accepted(),
            LifecycleOutcome.UnknownEvent => GraphErrors.BadRequest("lifecycleEvent must be reauthorizationRequired, subscriptionRemoved or missed."),
            _ => GraphErrors.ResourceNotFound(id),
        };
}
