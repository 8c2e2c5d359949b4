using NodaTime;
using PresenceBot.Referrals.Coverage;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Reminders;
using static PresenceBot.Referrals.Tests.Coverage.CoverageFixtures;
using static PresenceBot.Referrals.Tests.WorkingTime.TestCalendars;

namespace PresenceBot.Referrals.Tests.Reminders;

public sealed class StaffWarningPolicyTests
{
    private static readonly Interval Monday = Day("2026-11-23");

    [Fact]
    public void MeetingLeavingTheUnitBelowMinimum_WarnsNamingTheInterval()
    {
        var unit = Unit(minimumStaffed: 2);
        var kim = Person(unit, "kim", "Kim Krona");
        var sara = Person(unit, "sara", "Sara Nordin");
        var meeting = Referral(kim, Reason.Meeting, "2026-11-23T15:00", "2026-11-23T17:00");
        var gaps = CoverageCalculator.Gaps(unit, [Member(kim, Monday, meeting), Member(sara, Monday)], Monday, OfficeHours());

        var warning = StaffWarningPolicy.Evaluate(kim, meeting, gaps, At("2026-11-23T09:00"), Stockholm, new CoverageAlertRules());

        Assert.NotNull(warning);
        Assert.Equal("kim", warning.RecipientId);
        Assert.Equal(ReminderKind.StaffPhoneHoursWarning, warning.Kind);
        Assert.Equal("Din bokning ligger i telefontiden 15.00–16.00", warning.Title);
        Assert.StartsWith($"{unit.Name} har då färre än 2 som kan svara i telefon.", warning.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MeetingLeavingAUnitOfMinimumOneEmpty_SaysNobodyCanAnswer()
    {
        var unit = Unit(minimumStaffed: 1);
        var kim = Person(unit, "kim", "Kim Krona");
        var meeting = Referral(kim, Reason.Meeting, "2026-11-23T15:00", "2026-11-23T17:00");
        var gaps = CoverageCalculator.Gaps(unit, [Member(kim, Monday, meeting)], Monday, OfficeHours());

        var warning = StaffWarningPolicy.Evaluate(kim, meeting, gaps, At("2026-11-23T09:00"), Stockholm, new CoverageAlertRules());

        Assert.NotNull(warning);
        Assert.StartsWith($"{unit.Name} har då ingen som kan svara i telefon.", warning.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MeetingWhileOthersCover_NoWarning()
    {
        var unit = Unit();
        var kim = Person(unit, "kim", "Kim Krona");
        var sara = Person(unit, "sara", "Sara Nordin");
        var meeting = Referral(kim, Reason.Meeting, "2026-11-23T10:00", "2026-11-23T11:00");
        var gaps = CoverageCalculator.Gaps(unit, [Member(kim, Monday, meeting), Member(sara, Monday)], Monday, OfficeHours());

        Assert.Null(StaffWarningPolicy.Evaluate(kim, meeting, gaps, At("2026-11-23T09:00"), Stockholm, new CoverageAlertRules()));
    }

    [Fact]
    public void MeetingOutsidePhoneHours_NoWarning()
    {
        var unit = Unit();
        var kim = Person(unit, "kim", "Kim Krona");
        var meeting = Referral(kim, Reason.Meeting, "2026-11-23T16:00", "2026-11-23T17:00");
        var gaps = CoverageCalculator.Gaps(unit, [Member(kim, Monday, meeting)], Monday, OfficeHours());

        Assert.Null(StaffWarningPolicy.Evaluate(kim, meeting, gaps, At("2026-11-23T09:00"), Stockholm, new CoverageAlertRules()));
    }

    [Fact]
    public void SickLeave_NeverWarns()
    {
        var unit = Unit();
        var kim = Person(unit, "kim", "Kim Krona");
        var sick = Referral(kim, Reason.Sick, "2026-11-23T10:00", "2026-11-23T11:00");
        var gaps = CoverageCalculator.Gaps(unit, [Member(kim, Monday, sick)], Monday, OfficeHours());

        Assert.Null(StaffWarningPolicy.Evaluate(kim, sick, gaps, At("2026-11-23T09:00"), Stockholm, new CoverageAlertRules()));
    }

    [Fact]
    public void MeetingRegisteredByAnOperator_NoWarning()
    {
        var unit = Unit();
        var kim = Person(unit, "kim", "Kim Krona");
        var registered = Referral(kim, Reason.Meeting, "2026-11-23T10:00", "2026-11-23T11:00") with { Source = ReferralSource.Switchboard };
        var gaps = CoverageCalculator.Gaps(unit, [Member(kim, Monday, registered)], Monday, OfficeHours());

        Assert.Null(StaffWarningPolicy.Evaluate(kim, registered, gaps, At("2026-11-23T09:00"), Stockholm, new CoverageAlertRules()));
    }

    [Theory]
    [InlineData(ReferralSource.Calendar)]
    [InlineData(ReferralSource.Manual)]
    public void OwnBookingFromCalendarOrTeams_Warns(ReferralSource source)
    {
        var unit = Unit();
        var kim = Person(unit, "kim", "Kim Krona");
        var booking = Referral(kim, Reason.Meeting, "2026-11-23T10:00", "2026-11-23T11:00") with { Source = source };
        var gaps = CoverageCalculator.Gaps(unit, [Member(kim, Monday, booking)], Monday, OfficeHours());

        Assert.NotNull(StaffWarningPolicy.Evaluate(kim, booking, gaps, At("2026-11-23T09:00"), Stockholm, new CoverageAlertRules()));
    }

    [Fact]
    public void ManagerAwayInTheGap_GetsTheManagerAlertOnly_NotAlsoTheStaffWarning()
    {
        var unit = Unit();
        var manager = Person(unit, "chef-1", "Maria Chef");
        var meeting = Referral(manager, Reason.Meeting, "2026-11-23T10:00", "2026-11-23T11:00");
        var gaps = CoverageCalculator.Gaps(unit, [Member(manager, Monday, meeting)], Monday, OfficeHours());

        var alerts = CoverageMessages.Alert(gaps.Single(), At("2026-11-23T09:00"), Stockholm).Where(m => m.RecipientId == manager.Id);

        Assert.Single(alerts);
        Assert.Null(StaffWarningPolicy.Evaluate(manager, meeting, gaps, At("2026-11-23T09:00"), Stockholm, new CoverageAlertRules()));
    }
}
