using System.Text.Json.Serialization;

namespace PresenceBot.CalendarSync.Notifications;

internal sealed record NotificationCollection([property: JsonPropertyName("value")] IReadOnlyList<NotificationPayload?>? Value);
