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
}
