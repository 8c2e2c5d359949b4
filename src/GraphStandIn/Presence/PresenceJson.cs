using System.Text.Json.Nodes;
using PresenceBot.GraphStandIn.Hosting;

namespace PresenceBot.GraphStandIn.Presence;

/// <summary>Graph's <c>presence</c> resource. Availability is always Available here: only the status message is modelled.</summary>
internal static class PresenceJson
{
    public static JsonObject Render(string userId, StatusMessage? message, Uri baseUrl) => new()
    {
        ["@odata.context"] = new Uri(baseUrl, $"$metadata#users('{Uri.EscapeDataString(userId)}')/presence/$entity").ToString(),
        ["id"] = userId,
        ["availability"] = "Available",
        ["activity"] = "Available",
        ["statusMessage"] = message is null ? null : StatusMessage(message),
        ["outOfOfficeSettings"] = new JsonObject { ["message"] = null, ["isOutOfOffice"] = false },
    };

    /// <summary>Graph's <c>presenceStatusMessage</c>: the expiry as it was set, the publishing time as an instant.</summary>
    public static JsonObject StatusMessage(StatusMessage message) => new()
    {
        ["message"] = new JsonObject { ["content"] = message.Content, ["contentType"] = message.ContentType },
        ["expiryDateTime"] = message.ExpiryDateTime is { } expiry
            ? new JsonObject { ["dateTime"] = expiry.DateTime, ["timeZone"] = expiry.TimeZone }
            : null,
        ["publishedDateTime"] = GraphJson.Instant(message.PublishedDateTime),
    };
}
