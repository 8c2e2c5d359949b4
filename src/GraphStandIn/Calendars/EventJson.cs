using System.Text.Json;
using System.Text.Json.Nodes;
using PresenceBot.GraphStandIn.Hosting;
using PresenceBot.GraphStandIn.Mail;

namespace PresenceBot.GraphStandIn.Calendars;

/// <summary>Writes an event or occurrence in Graph's event shape, its times converted to the zone the reader asked for.</summary>
internal static class EventJson
{
    private static readonly DateTimeOffset NoResponseTime = new(1, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>With <paramref name="expand"/>, the extended properties it matches too (Graph writes them only when expanded).</summary>
    public static JsonObject Render(EventInstance instance, OutputZone output, Func<ExtendedProperty, bool>? expand = null)
    {
        var e = instance.Source;
        var json = new JsonObject
        {
            ["@odata.etag"] = $"W/\"{e.ChangeKey}\"",
            ["id"] = instance.Id,
            ["createdDateTime"] = GraphJson.Instant(e.CreatedDateTime),
            ["lastModifiedDateTime"] = GraphJson.Instant(e.LastModifiedDateTime),
            ["changeKey"] = e.ChangeKey,
            ["categories"] = new JsonArray([.. e.Categories.Select(c => (JsonNode?)JsonValue.Create(c))]),
            ["transactionId"] = e.TransactionId,
            ["originalStartTimeZone"] = e.Start.TimeZone,
            ["originalEndTimeZone"] = e.End.TimeZone,
            ["iCalUId"] = e.ICalUId,
            ["reminderMinutesBeforeStart"] = 15,
            ["isReminderOn"] = e.IsReminderOn ?? !e.IsAllDay,
            ["hasAttachments"] = false,
            ["subject"] = e.Subject,
            ["bodyPreview"] = Preview(e.Body),
            ["importance"] = e.Importance,
            ["sensitivity"] = e.Sensitivity,
            ["isAllDay"] = e.IsAllDay,
            ["isCancelled"] = e.IsCancelled,
            ["isOrganizer"] = e.ResponseStatus.Response.Equals("organizer", StringComparison.OrdinalIgnoreCase),
            ["responseRequested"] = true,
            ["seriesMasterId"] = instance.SeriesMasterId,
            ["showAs"] = e.ShowAs,
            ["type"] = instance.Type,
            ["webLink"] = $"https://outlook.office365.com/owa/?itemid={Uri.EscapeDataString(instance.Id)}&exvsurl=1&path=/calendar/item",
            ["onlineMeetingUrl"] = null,
            ["isOnlineMeeting"] = false,
            ["responseStatus"] = new JsonObject
            {
                ["response"] = e.ResponseStatus.Response,
                ["time"] = GraphJson.Instant(e.ResponseStatus.Time ?? NoResponseTime),
            },
            ["body"] = new JsonObject { ["contentType"] = e.Body.ContentType, ["content"] = e.Body.Content },
            ["start"] = Time(instance, instance.StartLocal, output),
            ["end"] = Time(instance, instance.EndLocal, output),
            ["location"] = Location(e.Location),
            ["locations"] = string.IsNullOrEmpty(e.Location.DisplayName) ? new JsonArray() : new JsonArray(Location(e.Location)),
            ["recurrence"] = instance.Type == "seriesMaster" && e.Recurrence is not null
                ? JsonSerializer.SerializeToNode(e.Recurrence, GraphJson.Options)
                : null,
            ["attendees"] = JsonSerializer.SerializeToNode(e.Attendees, GraphJson.Options),
            ["organizer"] = new JsonObject
            {
                ["emailAddress"] = new JsonObject { ["name"] = e.Organizer.Name, ["address"] = e.Organizer.Address },
            },
        };
        if (expand is not null)
        {
            json["singleValueExtendedProperties"] = new JsonArray([.. e.ExtendedProperties
                .Where(expand)
                .Select(p => (JsonNode)new JsonObject { ["id"] = p.Id, ["value"] = p.Value })]);
        }

        return json;
    }

    private static JsonObject Time(EventInstance instance, NodaTime.LocalDateTime local, OutputZone output)
    {
        // All-day events are floating in Outlook: midnight to midnight whatever zone the reader asks for.
        var wall = instance.Source.IsAllDay
            ? local
            : local.InZoneLeniently(instance.Zone).WithZone(output.Zone).LocalDateTime;
        return new JsonObject { ["dateTime"] = GraphZones.FormatWallClock(wall), ["timeZone"] = output.Name };
    }

    private static JsonObject Location(Location location) => new()
    {
        ["displayName"] = location.DisplayName,
        ["locationType"] = "default",
        ["uniqueIdType"] = "unknown",
    };

    private static string Preview(ItemBody body)
    {
        var text = body.ContentType.Equals("html", StringComparison.OrdinalIgnoreCase)
            ? System.Text.RegularExpressions.Regex.Replace(body.Content, "<[^>]*>", " ")
            : body.Content;
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 255 ? text : text[..255];
    }
}
