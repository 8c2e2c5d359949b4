using NodaTime;
using NodaTime.Text;

namespace PresenceBot.Referrals.Tests.WorkingTime;

/// <summary>Shared fixtures: the Stockholm zone and parsing helpers.</summary>
internal static class TestCalendars
{
    public static readonly DateTimeZone Stockholm = DateTimeZoneProviders.Tzdb["Europe/Stockholm"];

    public static LocalDate Date(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    /// <summary>A Stockholm wall-clock time; strict so a test cannot silently name a time that does not exist.</summary>
    public static Instant Local(string iso) =>
        LocalDateTimePattern.GeneralIso.Parse(iso).Value.InZoneStrictly(Stockholm).ToInstant();

    /// <summary>An instant written with its offset, so expected values pin down the offset independently of the zone.</summary>
    public static Instant WithOffset(string rfc3339) => OffsetDateTimePattern.Rfc3339.Parse(rfc3339).Value.ToInstant();
}
