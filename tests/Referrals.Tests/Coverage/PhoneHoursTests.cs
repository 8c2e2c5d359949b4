using NodaTime;
using PresenceBot.Referrals.Coverage;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.WorkingTime;
using static PresenceBot.Referrals.Tests.Coverage.CoverageFixtures;
using static PresenceBot.Referrals.Tests.WorkingTime.TestCalendars;

namespace PresenceBot.Referrals.Tests.Coverage;

public sealed class PhoneHoursTests
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "Organisation", "sample-organisation.json");

    [Fact]
    public void On_WorkingDay_IsTheUnitsOwnSchedule()
    {
        var hours = PhoneHours.On(Unit(from: "09:00", to: "12:00"), Date("2026-11-23"), OfficeHours());

        Assert.Equal([Span("2026-11-23T09:00", "2026-11-23T12:00")], hours);
    }

    [Theory]
    [InlineData("2026-11-28")] // Saturday
    [InlineData("2026-12-25")] // juldagen, a Friday
    [InlineData("2026-12-24")] // julafton, a Thursday
    public void On_NonWorkingDay_IsEmpty(string date)
    {
        Assert.Empty(PhoneHours.On(Unit(), Date(date), OfficeHours()));
    }

    [Fact]
    public void On_ExtraNonWorkingDay_IsEmpty()
    {
        Assert.Empty(PhoneHours.On(Unit(), Date("2026-11-27"), OfficeHours("2026-11-27")));
    }

    [Fact]
    public void UnitWithoutSchedule_GetsTheOrganisationDefault()
    {
        var organisation = OrganisationFile.Load(SamplePath);
        var bygg = organisation.FindUnit("bygg-och-miljo-vilhelmina")!;

        var hours = PhoneHours.On(bygg, Date("2026-11-23"), new WorkingCalendar(organisation));

        Assert.Equal([Span("2026-11-23T08:00", "2026-11-23T16:00")], hours);
    }

    [Fact]
    public void On_SpringForwardDay_LastsAnHourLessInRealTime()
    {
        var everyDay = Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).ToHashSet();
        var calendar = new WorkingCalendar(new WorkingHours(everyDay, new LocalTime(0, 0), new LocalTime(23, 0)), new HashSet<LocalDate>(), Stockholm);

        // 2026-03-29: clocks go 02:00 → 03:00 in Stockholm; 01:00–05:00 local is three real hours.
        var hours = PhoneHours.On(Unit(from: "01:00", to: "05:00", days: everyDay), Date("2026-03-29"), calendar);

        Assert.Equal(Duration.FromHours(3), Assert.Single(hours).Duration);
        Assert.Equal(WithOffset("2026-03-29T01:00:00+01:00"), hours[0].Start);
        Assert.Equal(WithOffset("2026-03-29T05:00:00+02:00"), hours[0].End);
    }

    [Fact]
    public void Within_SeveralDays_SkipsTheWeekendAndClips()
    {
        var hours = PhoneHours.Within(Unit(), Span("2026-11-27T10:00", "2026-11-30T12:00"), OfficeHours());

        Assert.Equal([Span("2026-11-27T10:00", "2026-11-27T16:00"), Span("2026-11-30T08:00", "2026-11-30T12:00")], hours);
    }

    [Fact]
    public void On_OverlappingScheduleLines_AreMerged()
    {
        var unit = Unit() with
        {
            PhoneHours =
            [
                new PhoneHoursRule(MondayToFriday, new LocalTime(8, 0), new LocalTime(12, 0)),
                new PhoneHoursRule(new HashSet<IsoDayOfWeek> { IsoDayOfWeek.Monday }, new LocalTime(11, 0), new LocalTime(13, 0)),
            ],
        };

        Assert.Equal([Span("2026-11-23T08:00", "2026-11-23T13:00")], PhoneHours.On(unit, Date("2026-11-23"), OfficeHours()));
    }
}
