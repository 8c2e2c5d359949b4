using PresenceBot.GraphStandIn.Hosting;

namespace PresenceBot.GraphStandIn.Notifications;

/// <summary>
/// Graph's three lifecycle events. <c>subscriptionRemoved</c> also removes the subscription, as Graph has by then.
/// </summary>
internal static class LifecycleEvents
{
    private static readonly string[] Known = ["reauthorizationRequired", "subscriptionRemoved", "missed"];

    public static LifecycleOutcome Send(StandInState state, string subscriptionId, string lifecycleEvent)
    {
        var name = Known.FirstOrDefault(k => k.Equals(lifecycleEvent, StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            return LifecycleOutcome.UnknownEvent;
        }

        if (state.Subscriptions.Find(subscriptionId) is not { } subscription)
        {
            return LifecycleOutcome.UnknownSubscription;
        }

        if (name == "subscriptionRemoved")
        {
            state.Subscriptions.Remove(subscription.Id);
        }

        state.Notifications.Lifecycle(subscription, name);
        return LifecycleOutcome.Sent;
    }
}
