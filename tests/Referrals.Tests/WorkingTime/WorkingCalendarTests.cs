using NodaTime;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.WorkingTime;
using static PresenceBot.Referrals.Tests.WorkingTime.TestCalendars;
using OrganisationModel = PresenceBot.Referrals.Organisation.Organisation;

namespace PresenceBot.Referrals.Tests.WorkingTime;

public sealed class WorkingCalendarTests
{
    private readonly WorkingCalendar _calendar = OfficeHours("2026-05-15");

    [Theory]
    [InlineData("2026-11-16")]
    [InlineData("2026-11-18")]
    [InlineData("2026-11-20")]
    [InlineData("2026-04-02")]
    [InlineData("2026-04-07")]
    [InlineData("2026-12-23")]
    public void IsWorkingDay_OrdinaryWeekday_IsTrue(string date)
    {
        Assert.True(_calendar.IsWorkingDay(Date(date)));
    }

    [Theory]
    [InlineData("2026-11-21")]
    [InlineData("2026-11-22")]
    public void IsWorkingDay_Weekend_IsFalse(string date)
    {
        Assert.False(_calendar.IsWorkingDay(Date(date)));
    }

    [Theory]
    [InlineData("2026-06-19")]
    [InlineData("2026-01-06")]
    [InlineData("2026-05-14")]
    [InlineData("2026-12-24")]
    [InlineData("2027-03-26")]
    [InlineData("2027-03-29")]
    public void IsWorkingDay_SwedishHolidayOnWeekday_IsFalse(string date)
    {
        Assert.False(_calendar.IsWorkingDay(Date(date)));
    }

    [Fact]
    public void IsWorkingDay_MidsummerEve2026_IsFalse()
    {
        Assert.False(_calendar.IsWorkingDay(new LocalDate(2026, 6, 19)));
    }

    [Fact]
    public void IsWorkingDay_KlamdagListedAsExtraNonWorkingDay_IsFalse()
    {
        Assert.False(_calendar.IsWorkingDay(Date("2026-05-15")));
    }

    [Fact]
    public void IsWorkingDay_KlamdagNotListed_IsTrue()
    {
        Assert.True(OfficeHours().IsWorkingDay(Date("2026-05-15")));
    }

    [Fact]
    public void IsWorkingDay_ExtraDaysSetMutatedAfterConstruction_IsUnaffected()
    {
        var extra = new HashSet<LocalDate>();
        var calendar = new WorkingCalendar(OfficeHours().WorkingHours, extra, Stockholm);

        extra.Add(Date("2026-11-18"));

        Assert.True(calendar.IsWorkingDay(Date("2026-11-18")));
    }

    [Theory]
    [InlineData("2026-11-18", "2026-11-19")]
    [InlineData("2026-11-20", "2026-11-23")]
    [InlineData("2026-11-21", "2026-11-23")]
    [InlineData("2026-04-02", "2026-04-07")]
    [InlineData("2026-05-13", "2026-05-18")]
    [InlineData("2026-12-23", "2026-12-28")]
    [InlineData("2026-12-30", "2027-01-04")]
    public void NextWorkingDayAfter_Date_IsFirstWorkingDayStrictlyAfterIt(string date, string expected)
    {
        Assert.Equal(Date(expected), _calendar.NextWorkingDayAfter(Date(date)));
    }

    [Theory]
    [InlineData("2026-11-18", "2026-11-18")]
    [InlineData("2026-11-21", "2026-11-23")]
    [InlineData("2026-06-19", "2026-06-22")]
    public void WorkingDayOnOrAfter_Date_IsItselfOrTheNextWorkingDay(string date, string expected)
    {
        Assert.Equal(Date(expected), _calendar.WorkingDayOnOrAfter(Date(date)));
    }

    [Fact]
    public void NextWorkingDayAfter_NoWorkingWeekdays_ThrowsNamingTheDate()
    {
        var calendar = new WorkingCalendar(
            new WorkingHours(new HashSet<IsoDayOfWeek>(), new LocalTime(8, 0), new LocalTime(17, 0)),
            new HashSet<LocalDate>(),
            Stockholm);

        var ex = Assert.Throws<InvalidOperationException>(() => calendar.NextWorkingDayAfter(Date("2026-11-18")));

        Assert.Contains("2026-11-18", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkingDayOnOrAfter_NoWorkingWeekdays_Throws()
    {
        var calendar = new WorkingCalendar(
            new WorkingHours(new HashSet<IsoDayOfWeek>(), new LocalTime(8, 0), new LocalTime(17, 0)),
            new HashSet<LocalDate>(),
            Stockholm);

        Assert.Throws<InvalidOperationException>(() => calendar.WorkingDayOnOrAfter(Date("2026-11-18")));
    }

    [Theory]
    [InlineData("2026-11-18", "2026-11-18T08:00:00+01:00", "2026-11-18T17:00:00+01:00")]
    [InlineData("2026-06-17", "2026-06-17T08:00:00+02:00", "2026-06-17T17:00:00+02:00")]
    public void StartAndEndOfWorkingDay_Date_AreWorkingHoursAtTheZonesOffset(string date, string start, string end)
    {
        Assert.Equal(WithOffset(start), _calendar.StartOfWorkingDay(Date(date)));
        Assert.Equal(WithOffset(end), _calendar.EndOfWorkingDay(Date(date)));
    }

    [Fact]
    public void StartOfWorkingDay_StartInsideSpringForwardGap_MovesForwardByTheGap()
    {
        var everyDay = new HashSet<IsoDayOfWeek>(Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None));
        var calendar = new WorkingCalendar(
            new WorkingHours(everyDay, new LocalTime(2, 30), new LocalTime(10, 0)),
            new HashSet<LocalDate>(),
            Stockholm);

        Assert.Equal(WithOffset("2026-03-29T03:30:00+02:00"), calendar.StartOfWorkingDay(Date("2026-03-29")));
    }

    [Theory]
    [InlineData("2026-11-18T08:00:00", true)]
    [InlineData("2026-11-18T12:00:00", true)]
    [InlineData("2026-11-18T16:59:59", true)]
    [InlineData("2026-11-18T17:00:00", false)]
    [InlineData("2026-11-18T07:59:59", false)]
    [InlineData("2026-11-21T12:00:00", false)]
    [InlineData("2026-06-19T12:00:00", false)]
    [InlineData("2026-05-15T12:00:00", false)]
    public void IsWithinWorkingHours_LocalTime_IsTrueOnlyFromStartUntilEndOnWorkingDays(string local, bool expected)
    {
        Assert.Equal(expected, _calendar.IsWithinWorkingHours(Local(local)));
    }

    [Fact]
    public void Constructor_FromOrganisation_UsesItsZoneHoursAndExtraDays()
    {
        var hours = new WorkingHours(MondayToFriday, new LocalTime(7, 30), new LocalTime(16, 0));
        var organisation = new OrganisationModel(
            Stockholm,
            hours,
            new HashSet<LocalDate> { Date("2026-05-15") },
            [],
            new CalendarCouplingSettings(CalendarCoupling.Closed, Duration.FromMinutes(15)),
            [],
            [],
            []);

        var calendar = new WorkingCalendar(organisation);

        Assert.Same(Stockholm, calendar.Zone);
        Assert.Same(hours, calendar.WorkingHours);
        Assert.False(calendar.IsWorkingDay(Date("2026-05-15")));
        Assert.Equal(WithOffset("2026-05-18T07:30:00+02:00"), calendar.ReturnAfterAbsenceThrough(Date("2026-05-13")));
    }
}
