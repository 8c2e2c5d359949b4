namespace PresenceBot.CalendarSync.Notifications;

/// <summary>The lifecycle events Graph posts to the lifecycle webhook.</summary>
internal static class LifecycleEventNames
{
    public const string ReauthorizationRequired = "reauthorizationRequired";
    public const string SubscriptionRemoved = "subscriptionRemoved";
    public const string Missed = "missed";
}
