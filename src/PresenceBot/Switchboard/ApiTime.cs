using NodaTime;
using NodaTime.Text;

namespace PresenceBot.Switchboard;

/// <summary>
/// Reads ISO 8601 times from the API: with an offset ("2026-11-23T15:00:00+01:00", "…Z") as given, or
/// without one ("2026-11-23T15:00") as local time in the organisation's zone.
/// </summary>
internal static class ApiTime
{
    private static readonly OffsetDateTimePattern[] WithOffset =
    [
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
    ];

    private static readonly LocalDateTimePattern[] Local =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFF"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
    ];

    public static bool TryParse(string? text, DateTimeZone zone, out Instant instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        foreach (var pattern in WithOffset)
        {
            if (pattern.Parse(trimmed) is { Success: true } parsed)
            {
                instant = parsed.Value.ToInstant();
                return true;
            }
        }

        foreach (var pattern in Local)
        {
            if (pattern.Parse(trimmed) is { Success: true } parsed)
            {
                instant = parsed.Value.InZoneLeniently(zone).ToInstant();
                return true;
            }
        }

        return false;
    }
}
