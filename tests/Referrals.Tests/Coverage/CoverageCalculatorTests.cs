using NodaTime;
using PresenceBot.Referrals.Coverage;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.WorkingTime;
using static PresenceBot.Referrals.Tests.Coverage.CoverageFixtures;
using static PresenceBot.Referrals.Tests.WorkingTime.TestCalendars;

namespace PresenceBot.Referrals.Tests.Coverage;

public sealed class CoverageCalculatorTests
{
    private const string Monday = "2026-11-23";
    private static readonly Interval MondayWindow = Day(Monday);

    [Fact]
    public void NobodyAway_NoGaps()
    {
        var unit = Unit();
        var kim = Person(unit, "kim", "Kim Krona");

        Assert.Empty(CoverageCalculator.Gaps(unit, [Member(kim, MondayWindow)], MondayWindow, OfficeHours()));
    }

    [Fact]
    public void OnlyMemberInMeeting_GapIsTheMeetingClippedToPhoneHours()
    {
        var unit = Unit();
        var kim = Person(unit, "kim", "Kim Krona");

        var gaps = CoverageCalculator.Gaps(
            unit, [Member(kim, MondayWindow, Referral(kim, Reason.Meeting, "2026-11-23T15:00", "2026-11-23T17:30"))], MondayWindow, OfficeHours());

        var gap = Assert.Single(gaps);
        Assert.Equal(Span("2026-11-23T15:00", "2026-11-23T16:00"), gap.Interval);
        Assert.Equal(0, gap.Reachable);
        var away = Assert.Single(gap.Away);
        Assert.Equal("är på sammanträde", away.ReasonPhrase);
        Assert.Equal(At("2026-11-23T17:30"), away.ReturnsAt);
    }

    [Fact]
    public void OverlappingAbsences_GapIsWhereBothAreAway()
    {
        var unit = Unit();
        var kim = Person(unit, "kim", "Kim Krona");
        var sara = Person(unit, "sara", "Sara Nordin");

        var gaps = CoverageCalculator.Gaps(unit,
        [
            Member(kim, MondayWindow, Referral(kim, Reason.Meeting, "2026-11-23T09:00", "2026-11-23T11:00")),
            Member(sara, MondayWindow, Referral(sara, Reason.Errand, "2026-11-23T10:00", "2026-11-23T12:00")),
        ], MondayWindow, OfficeHours());

        var gap = Assert.Single(gaps);
        Assert.Equal(Span("2026-11-23T10:00", "2026-11-23T11:00"), gap.Interval);
        Assert.Equal(["Kim Krona", "Sara Nordin"], gap.Away.Select(a => a.Person.Name));
    }

    [Fact]
    public void MinimumTwo_OneOfTwoAway_IsAGap()
    {
        var unit = Unit(minimumStaffed: 2);
        var kim = Person(unit, "kim", "Kim Krona");
        var sara = Person(unit, "sara", "Sara Nordin");

        var gaps = CoverageCalculator.Gaps(unit,
        [
            Member(kim, MondayWindow, Referral(kim, Reason.Lunch, "2026-11-23T12:00", "2026-11-23T12:45")),
            Member(sara, MondayWindow),
        ], MondayWindow, OfficeHours());

        var gap = Assert.Single(gaps);
        Assert.Equal(Span("2026-11-23T12:00", "2026-11-23T12:45"), gap.Interval);
        Assert.Equal(1, gap.Reachable);
    }

    [Fact]
    public void MinimumTwo_AdjacentAbsencesOfDifferentPeople_AreOneGap()
    {
        var unit = Unit(minimumStaffed: 2);
        var kim = Person(unit, "kim", "Kim Krona");
        var sara = Person(unit, "sara", "Sara Nordin");

        var gaps = CoverageCalculator.Gaps(unit,
        [
            Member(kim, MondayWindow, Referral(kim, Reason.Meeting, "2026-11-23T09:00", "2026-11-23T10:00")),
            Member(sara, MondayWindow, Referral(sara, Reason.Meeting, "2026-11-23T10:00", "2026-11-23T11:00")),
        ], MondayWindow, OfficeHours());

        var gap = Assert.Single(gaps);
        Assert.Equal(Span("2026-11-23T09:00", "2026-11-23T11:00"), gap.Interval);
        Assert.Equal(2, gap.Away.Count);
    }

    [Fact]
    public void NamesakesAwayFromTheSameMinute_AreListedInMemberOrder()
    {
        var unit = Unit(minimumStaffed: 3);
        var sara = Person(unit, "sara", "Sara Nordin");
        var kim = Person(unit, "kim", "Kim Krona");
        var otherKim = Person(unit, "kim-2", "Kim Krona");

        // The gap opens with Sara at 09:00; both Kims join it at 09:30 and return at the same time.
        var gap = Assert.Single(CoverageCalculator.Gaps(unit,
        [
            Member(sara, MondayWindow, Referral(sara, Reason.Lunch, "2026-11-23T09:00", "2026-11-23T10:00")),
            Member(kim, MondayWindow, Referral(kim, Reason.Meeting, "2026-11-23T09:30", "2026-11-23T11:00")),
            Member(otherKim, MondayWindow, Referral(otherKim, Reason.Errand, "2026-11-23T09:30", "2026-11-23T11:00")),
        ], MondayWindow, OfficeHours()));

        Assert.Equal(Span("2026-11-23T09:00", "2026-11-23T11:00"), gap.Interval);
        Assert.Equal(["sara", "kim", "kim-2"], gap.Away.Select(a => a.Person.Id));
    }

    [Fact]
    public void RemoteWork_CountsAsReachable()
    {
        var unit = Unit();
        var kim = Person(unit, "kim", "Kim Krona");

        var gaps = CoverageCalculator.Gaps(
            unit, [Member(kim, MondayWindow, Referral(kim, Reason.Remote, "2026-11-23T08:00", "2026-11-23T17:00"))], MondayWindow, OfficeHours());

        Assert.Empty(gaps);
    }

    [Fact]
    public void OpenPhoneReferral_CountsAsReachable()
    {
        var unit = Unit();
        var kim = Person(unit, "kim", "Kim Krona");

        var gaps = CoverageCalculator.Gaps(
            unit, [Member(kim, MondayWindow, Referral(kim, Reason.Meeting, "2026-11-23T09:00", "2026-11-23T10:00", PhoneState.Open))],
            MondayWindow, OfficeHours());

        Assert.Empty(gaps);
    }

    [Fact]
    public void Sickness_IsShownAsFrånvarandeWithReturnTime()
    {
        var unit = Unit();
        var kim = Person(unit, "kim", "Kim Krona");

        var gap = Assert.Single(CoverageCalculator.Gaps(
            unit, [Member(kim, MondayWindow, Referral(kim, Reason.Sick, "2026-11-23T08:00", "2026-11-24T08:00"))], MondayWindow, OfficeHours()));

        var away = Assert.Single(gap.Away);
        Assert.Equal("är frånvarande", away.ReasonPhrase);
        Assert.DoesNotContain("sjuk", away.ReasonPhrase, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(At("2026-11-24T08:00"), away.ReturnsAt);
        Assert.Equal(Span("2026-11-23T08:00", "2026-11-23T16:00"), gap.Interval);
    }

    [Fact]
    public void Holiday_HasNoGapsEvenWhenEveryoneIsAway()
    {
        var unit = Unit();
        var kim = Person(unit, "kim", "Kim Krona");
        var christmas = Day("2026-12-25");

        var gaps = CoverageCalculator.Gaps(
            unit, [Member(kim, christmas, Referral(kim, Reason.Vacation, "2026-12-21T08:00", "2027-01-07T08:00"))], christmas, OfficeHours());

        Assert.Empty(gaps);
    }

    [Fact]
    public void DstDay_GapSpansTheRealHours()
    {
        var everyDay = Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).ToHashSet();
        var calendar = new WorkingCalendar(new WorkingHours(everyDay, new LocalTime(0, 0), new LocalTime(23, 0)), new HashSet<LocalDate>(), Stockholm);
        var unit = Unit(from: "01:00", to: "05:00", days: everyDay);
        var kim = Person(unit, "kim", "Kim Krona");
        var window = Day("2026-10-25");

        // 2026-10-25: clocks go 03:00 → 02:00; 01:00–05:00 local is five real hours, all of them a gap.
        var gap = Assert.Single(CoverageCalculator.Gaps(
            unit, [Member(kim, window, Referral(kim, Reason.Away, "2026-10-24T20:00", "2026-10-25T12:00"))], window, calendar));

        Assert.Equal(Duration.FromHours(5), gap.Interval.Duration);
        Assert.Equal(WithOffset("2026-10-25T01:00:00+02:00"), gap.Interval.Start);
    }

    [Fact]
    public void DefaultPhoneHoursOfTheSample_AreCheckedOnWorkingDays()
    {
        var organisation = OrganisationFile.Load(Path.Combine(AppContext.BaseDirectory, "Organisation", "sample-organisation.json"));
        var bygg = organisation.FindUnit("bygg-och-miljo-vilhelmina")!;
        var members = organisation.MembersOf(bygg).Select(p => Member(p, MondayWindow, Referral(p, Reason.Training, "2026-11-23T07:00", "2026-11-23T09:30"))).ToList();

        var gap = Assert.Single(CoverageCalculator.Gaps(bygg, members, MondayWindow, new WorkingCalendar(organisation)));

        Assert.Equal(Span("2026-11-23T08:00", "2026-11-23T09:30"), gap.Interval);
    }
}
