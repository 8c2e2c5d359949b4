using System.Text.Json.Serialization;

namespace PresenceBot.CalendarSync.Notifications;

internal sealed record NotificationResourceData([property: JsonPropertyName("id")] string? Id);
