namespace PresenceBot.GraphStandIn.Subscriptions;

/// <summary>The body of <c>POST /subscriptions</c> and <c>PATCH /subscriptions/{id}</c> (PATCH reads only the expiration).</summary>
internal sealed record SubscriptionRequest(
    string? ChangeType,
    string? NotificationUrl,
    string? LifecycleNotificationUrl,
    string? Resource,
    DateTimeOffset? ExpirationDateTime,
    string? ClientState);
