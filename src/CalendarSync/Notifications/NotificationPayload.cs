using System.Text.Json.Serialization;

namespace PresenceBot.CalendarSync.Notifications;

/// <summary>
/// One item of Graph's notification collection, as plain strings: Graph's own model parses ids as GUIDs
/// and would throw on anything else, and a webhook must answer bad input with 400, not an exception.
/// </summary>
internal sealed record NotificationPayload(
    [property: JsonPropertyName("subscriptionId")] string? SubscriptionId,
    [property: JsonPropertyName("clientState")] string? ClientState,
    [property: JsonPropertyName("changeType")] string? ChangeType,
    [property: JsonPropertyName("lifecycleEvent")] string? LifecycleEvent,
    [property: JsonPropertyName("resource")] string? Resource,
    [property: JsonPropertyName("resourceData")] NotificationResourceData? ResourceData);
