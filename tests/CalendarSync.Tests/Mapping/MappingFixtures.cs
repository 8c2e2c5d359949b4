using NodaTime;
using NodaTime.Text;
using PresenceBot.CalendarSync.Mapping;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.WorkingTime;

namespace PresenceBot.CalendarSync.Tests.Mapping;

/// <summary>A Stockholm Mon–Fri 08:00–17:00 calendar, one person, and events built from Graph-shaped strings.</summary>
internal static class MappingFixtures
{
    public const string WesternEurope = "W. Europe Standard Time";

    public static readonly DateTimeZone Stockholm = DateTimeZoneProviders.Tzdb["Europe/Stockholm"];

    // Well before every event in these tests, so none of them counts as ended unless a test says so.
    public static readonly Instant Now = At("2026-01-05T12:00:00+01:00");

    public static readonly WorkingCalendar Calendar = new(
        new WorkingHours(
            new HashSet<IsoDayOfWeek>
            {
                IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday,
            },
            new LocalTime(8, 0),
            new LocalTime(17, 0)),
        new HashSet<LocalDate>(),
        Stockholm);

    public static Person Kim(CalendarCoupling coupling = CalendarCoupling.Closed) => new()
    {
        Id = "kim-object-id",
        Upn = "kim.krona@lycksele.se",
        Name = "Kim Krona",
        Unit = new Unit
        {
            Id = "kansli",
            Name = "Kansli",
            Municipality = new Municipality("lycksele", "Lycksele kommun"),
            ManagerIds = [],
            MinimumStaffed = 1,
            PhoneHours = [],
        },
        CalendarCoupling = coupling,
    };

    /// <summary>A busy one-hour meeting on Monday 2026-11-23, in Graph's shape, for tests to vary.</summary>
    public static CalendarEvent Meeting(string showAs = "busy", params string[] categories) => new()
    {
        Id = "AAMkAGI2-event-1",
        ShowAs = showAs,
        ResponseStatus = "accepted",
        Categories = categories,
        Start = new DateTimeTimeZone("2026-11-23T09:00:00.0000000", WesternEurope),
        End = new DateTimeTimeZone("2026-11-23T10:00:00.0000000", WesternEurope),
        Subject = "Budgetberedning",
        Location = "Sammanträdesrum Ume",
    };

    /// <summary>An all-day event as Graph reports it: midnight to midnight, the end exclusive.</summary>
    public static CalendarEvent AllDay(string showAs, string firstDay, string dayAfterLast, params string[] categories) => new()
    {
        Id = "AAMkAGI2-all-day",
        ShowAs = showAs,
        IsAllDay = true,
        ResponseStatus = "organizer",
        Categories = categories,
        Start = new DateTimeTimeZone($"{firstDay}T00:00:00.0000000", "UTC"),
        End = new DateTimeTimeZone($"{dayAfterLast}T00:00:00.0000000", "UTC"),
    };

    public static BookingDecision Map(CalendarEvent calendarEvent, MappingRules? rules = null, Person? person = null, Instant? now = null) =>
        new CalendarEventMapper(rules ?? MappingRules.Default).Map(calendarEvent, person ?? Kim(), Calendar, now ?? Now);

    /// <summary>An instant written with its offset, so expectations pin the offset independently of any zone rules.</summary>
    public static Instant At(string rfc3339) => OffsetDateTimePattern.Rfc3339.Parse(rfc3339).Value.ToInstant();
}
