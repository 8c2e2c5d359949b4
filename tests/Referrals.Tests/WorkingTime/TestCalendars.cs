using NodaTime;
using NodaTime.Text;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.WorkingTime;

namespace PresenceBot.Referrals.Tests.WorkingTime;

/// <summary>Shared fixtures: the Stockholm zone and a Mon–Fri 08:00–17:00 calendar, plus parsing helpers.</summary>
internal static class TestCalendars
{
    public static readonly DateTimeZone Stockholm = DateTimeZoneProviders.Tzdb["Europe/Stockholm"];

    public static readonly IReadOnlySet<IsoDayOfWeek> MondayToFriday = new HashSet<IsoDayOfWeek>
    {
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday,
    };

    public static WorkingCalendar OfficeHours(params string[] extraNonWorkingDays) =>
        new(
            new WorkingHours(MondayToFriday, new LocalTime(8, 0), new LocalTime(17, 0)),
            extraNonWorkingDays.Select(Date).ToHashSet(),
            Stockholm);

    public static LocalDate Date(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    /// <summary>A Stockholm wall-clock time; strict so a test cannot silently name a time that does not exist.</summary>
    public static Instant Local(string iso) =>
        LocalDateTimePattern.GeneralIso.Parse(iso).Value.InZoneStrictly(Stockholm).ToInstant();

    /// <summary>An instant written with its offset, so expected values pin down the offset independently of the zone.</summary>
    public static Instant WithOffset(string rfc3339) => OffsetDateTimePattern.Rfc3339.Parse(rfc3339).Value.ToInstant();
}
