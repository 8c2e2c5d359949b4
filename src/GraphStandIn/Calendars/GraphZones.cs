using System.Globalization;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace PresenceBot.GraphStandIn.Calendars;

/// <summary>
/// Zone names as Graph uses them: "UTC", IANA ids and Windows names ("W. Europe Standard Time"). NodaTime's CLDR
/// mapping rather than ICU, so the answer is the same on hosts running with invariant globalization.
/// </summary>
internal static class GraphZones
{
    private static readonly LocalDateTimePattern WallClock =
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF");

    public static DateTimeZone? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var trimmed = name.Trim();
        if (trimmed.Equals("UTC", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("tzone://Microsoft/Utc", StringComparison.OrdinalIgnoreCase))
        {
            return DateTimeZone.Utc;
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(trimmed) is { } iana)
        {
            return iana;
        }

        return TzdbDateTimeZoneSource.Default.WindowsMapping.PrimaryMapping.TryGetValue(trimmed, out var id)
            ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(id)
            : null;
    }

    public static LocalDateTime? ParseWallClock(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var result = WallClock.Parse(text.Trim());
        return result.Success ? result.Value : null;
    }

    /// <summary>Graph's wall-clock format: always seven fractional digits.</summary>
    public static string FormatWallClock(LocalDateTime value) =>
        value.ToString("uuuu'-'MM'-'dd'T'HH':'mm':'ss.fffffff", CultureInfo.InvariantCulture);

    /// <summary>
    /// calendarView's startDateTime/endDateTime: ISO 8601 with an offset, or without one (read as UTC, like Graph).
    /// </summary>
    public static Instant? ParseQueryInstant(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return Instant.FromDateTimeOffset(parsed);
        }

        return null;
    }
}
