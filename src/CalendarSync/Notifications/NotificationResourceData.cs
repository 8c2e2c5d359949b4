using System.Text.Json.Serialization;

namespace PresenceBot.CalendarSync.Notifications;

/// <summary>The changed event's id and <c>@odata.etag</c> (its change key), which tell our own writes' echoes apart.</summary>
internal sealed record NotificationResourceData(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("@odata.etag")] string? ETag = null);
