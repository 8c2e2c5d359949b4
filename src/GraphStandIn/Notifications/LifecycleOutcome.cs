namespace PresenceBot.GraphStandIn.Notifications;

/// <summary>What asking for a lifecycle event did.</summary>
public enum LifecycleOutcome
{
    Sent,
    UnknownSubscription,
    UnknownEvent,
}
