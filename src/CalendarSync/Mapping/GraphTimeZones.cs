using NodaTime;
using NodaTime.TimeZones;

namespace PresenceBot.CalendarSync.Mapping;

/// <summary>
/// Resolves Graph's time zone names. NodaTime's bundled CLDR mapping is used for Windows names rather than
/// <c>TimeZoneInfo.TryConvertWindowsIdToIanaId</c>, which depends on ICU and fails on hosts running with invariant
/// globalization (common in containers); the answer is then the same on every machine.
/// </summary>
internal static class GraphTimeZones
{
    public static DateTimeZone? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var trimmed = name.Trim();
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(trimmed) is { } iana)
        {
            return iana;
        }

        return TzdbDateTimeZoneSource.Default.WindowsMapping.PrimaryMapping.TryGetValue(trimmed, out var id)
            ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(id)
            : null;
    }
}
