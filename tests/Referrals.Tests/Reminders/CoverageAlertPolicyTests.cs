using NodaTime;
using PresenceBot.Referrals.Coverage;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Reminders;
using static PresenceBot.Referrals.Tests.Coverage.CoverageFixtures;
using static PresenceBot.Referrals.Tests.WorkingTime.TestCalendars;
using OrganisationModel = PresenceBot.Referrals.Organisation.Organisation;

namespace PresenceBot.Referrals.Tests.Reminders;

public sealed class CoverageAlertPolicyTests
{
    private static readonly Unit Kansli = Unit();
    private static readonly Person Kim = Person(Kansli, "kim", "Kim Krona");
    private static readonly Person Sara = Person(Kansli, "sara", "Sara Nordin");
    private static readonly OrganisationModel Organisation = new(
        Stockholm,
        new WorkingHours(MondayToFriday, new LocalTime(8, 0), new LocalTime(17, 0)),
        new HashSet<LocalDate>(),
        Kansli.PhoneHours,
        new CalendarCouplingSettings(CalendarCoupling.Closed, Duration.FromMinutes(15)),
        [Lycksele],
        [Kansli],
        [Kim, Sara]);

    private static readonly CoverageAlertRules Rules = new();

    [Fact]
    public void NewGapWithinFourHours_AlertsEachManagerOnce()
    {
        var gaps = GapsWith(Referral(Kim, Reason.Sick, "2026-11-23T08:00", "2026-11-24T08:00"), Referral(Sara, Reason.Meeting, "2026-11-23T10:00", "2026-11-23T11:00"));

        var first = CoverageAlertPolicy.Evaluate(CoverageAlertState.Empty, gaps, At("2026-11-23T09:00"), Organisation, Rules);
        var again = CoverageAlertPolicy.Evaluate(first.State, gaps, At("2026-11-23T09:01"), Organisation, Rules);

        Assert.Equal(["chef-1", "chef-2"], first.Messages.Select(m => m.RecipientId));
        Assert.All(first.Messages, m => Assert.Equal(ReminderKind.CoverageAlert, m.Kind));
        var message = first.Messages[0];
        Assert.Equal("Telefontiden är inte bemannad: Kansli 10.00–11.00", message.Title);
        Assert.Contains(message.Facts, f => f.Value == "Kim Krona är frånvarande, tillbaka i morgon klockan 08.00");
        Assert.Contains(message.Facts, f => f.Value == "Sara Nordin är på sammanträde, tillbaka klockan 11.00");
        Assert.DoesNotContain(message.Facts, f => f.Value.Contains("sjuk", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(again.Messages);
    }

    [Fact]
    public void GapBeyondTheHorizon_WaitsUntilItComesWithin()
    {
        var gaps = GapsWith(Referral(Kim, Reason.Meeting, "2026-11-23T14:00", "2026-11-23T15:00"), Referral(Sara, Reason.Meeting, "2026-11-23T14:00", "2026-11-23T15:00"));

        var early = CoverageAlertPolicy.Evaluate(CoverageAlertState.Empty, gaps, At("2026-11-23T09:00"), Organisation, Rules);
        var later = CoverageAlertPolicy.Evaluate(early.State, gaps, At("2026-11-23T10:01"), Organisation, Rules);

        Assert.Empty(early.Messages);
        Assert.Equal(2, later.Messages.Count);
    }

    [Fact]
    public void GapClosing_SendsTäcktIgenOnce()
    {
        var gaps = GapsWith(Referral(Kim, Reason.Meeting, "2026-11-23T10:00", "2026-11-23T11:00"), Referral(Sara, Reason.Meeting, "2026-11-23T10:00", "2026-11-23T11:00"));
        var alerted = CoverageAlertPolicy.Evaluate(CoverageAlertState.Empty, gaps, At("2026-11-23T09:00"), Organisation, Rules);

        var covered = CoverageAlertPolicy.Evaluate(alerted.State, GapsWith(), At("2026-11-23T09:10"), Organisation, Rules);
        var after = CoverageAlertPolicy.Evaluate(covered.State, GapsWith(), At("2026-11-23T09:11"), Organisation, Rules);

        Assert.Equal(2, covered.Messages.Count);
        Assert.All(covered.Messages, m => Assert.Equal(ReminderKind.CoverageCovered, m.Kind));
        Assert.Equal("Täckt igen: Kansli 10.00–11.00", covered.Messages[0].Title);
        Assert.Equal(alerted.Messages[0].Slot, covered.Messages[0].Slot);
        Assert.Empty(after.Messages);
        Assert.Empty(after.State.Alerted);
    }

    [Fact]
    public void ChangedGap_IsANewGapAndTheOldOneIsNotCalledCovered()
    {
        var alerted = CoverageAlertPolicy.Evaluate(CoverageAlertState.Empty,
            GapsWith(Referral(Kim, Reason.Meeting, "2026-11-23T10:00", "2026-11-23T11:00"), Referral(Sara, Reason.Meeting, "2026-11-23T10:00", "2026-11-23T11:00")),
            At("2026-11-23T09:00"), Organisation, Rules);

        var longer = CoverageAlertPolicy.Evaluate(alerted.State,
            GapsWith(Referral(Kim, Reason.Meeting, "2026-11-23T10:00", "2026-11-23T12:00"), Referral(Sara, Reason.Meeting, "2026-11-23T10:00", "2026-11-23T12:00")),
            At("2026-11-23T09:05"), Organisation, Rules);

        Assert.Equal(2, longer.Messages.Count);
        Assert.All(longer.Messages, m => Assert.Equal(ReminderKind.CoverageAlert, m.Kind));
        Assert.Equal("Telefontiden är inte bemannad: Kansli 10.00–12.00", longer.Messages[0].Title);
        Assert.NotEqual(alerted.Messages[0].Slot, longer.Messages[0].Slot);
    }

    [Fact]
    public void Digest_At15_ListsTheNextWorkingDaysGapsOnceAndCountsThemAsAlerted()
    {
        var tuesday = GapsWith(Referral(Kim, Reason.Vacation, "2026-11-24T08:00", "2026-11-25T08:00"), Referral(Sara, Reason.Training, "2026-11-24T13:00", "2026-11-24T14:30"));

        var before = CoverageAlertPolicy.Evaluate(CoverageAlertState.Empty, tuesday, At("2026-11-23T14:59"), Organisation, Rules);
        var digest = CoverageAlertPolicy.Evaluate(before.State, tuesday, At("2026-11-23T15:00"), Organisation, Rules);
        var again = CoverageAlertPolicy.Evaluate(digest.State, tuesday, At("2026-11-23T15:01"), Organisation, Rules);
        var tomorrowMorning = CoverageAlertPolicy.Evaluate(again.State, tuesday, At("2026-11-24T10:00"), Organisation, Rules);

        Assert.Empty(before.Messages);
        Assert.Equal(2, digest.Messages.Count);
        Assert.All(digest.Messages, m => Assert.Equal(ReminderKind.CoverageDigest, m.Kind));
        Assert.Equal("Telefontid i morgon utan bemanning: Kansli", digest.Messages[0].Title);
        Assert.Equal("13.00–14.30", Assert.Single(digest.Messages[0].Facts).Label);
        Assert.Equal("2026-11-24", digest.Messages[0].Slot);
        Assert.Empty(again.Messages);
        Assert.Empty(tomorrowMorning.Messages);
    }

    [Fact]
    public void Digest_OnFriday_CoversMonday()
    {
        var monday = GapsWith(Referral(Kim, Reason.Meeting, "2026-11-30T09:00", "2026-11-30T10:00"), Referral(Sara, Reason.Meeting, "2026-11-30T09:00", "2026-11-30T10:00"));

        var digest = CoverageAlertPolicy.Evaluate(CoverageAlertState.Empty, monday, At("2026-11-27T15:00"), Organisation, Rules);

        Assert.Equal(new LocalDate(2026, 11, 30), digest.State.DigestSentFor);
        Assert.Equal("2026-11-30", digest.Messages[0].Slot);
    }

    [Fact]
    public void OutsideWorkingHours_NothingIsSentAndAlertsWaitForTheMorning()
    {
        var gaps = GapsWith(Referral(Kim, Reason.Meeting, "2026-11-24T08:00", "2026-11-24T09:00"), Referral(Sara, Reason.Meeting, "2026-11-24T08:00", "2026-11-24T09:00"));
        var state = CoverageAlertState.Empty with { DigestSentFor = new LocalDate(2026, 11, 24) };

        var night = CoverageAlertPolicy.Evaluate(state, gaps, At("2026-11-24T06:00"), Organisation, Rules);
        var morning = CoverageAlertPolicy.Evaluate(night.State, gaps, At("2026-11-24T08:00"), Organisation, Rules);

        Assert.Empty(night.Messages);
        Assert.Equal(2, morning.Messages.Count);
    }

    [Fact]
    public void EndedGap_IsForgottenWithoutTäcktIgen()
    {
        var gaps = GapsWith(Referral(Kim, Reason.Meeting, "2026-11-23T10:00", "2026-11-23T11:00"), Referral(Sara, Reason.Meeting, "2026-11-23T10:00", "2026-11-23T11:00"));
        var alerted = CoverageAlertPolicy.Evaluate(CoverageAlertState.Empty, gaps, At("2026-11-23T09:00"), Organisation, Rules);

        var after = CoverageAlertPolicy.Evaluate(alerted.State, [], At("2026-11-23T11:00"), Organisation, Rules);

        Assert.Empty(after.Messages);
        Assert.Empty(after.State.Alerted);
    }

    [Fact]
    public void Horizon_IsConfigurable()
    {
        var gaps = GapsWith(Referral(Kim, Reason.Meeting, "2026-11-23T10:00", "2026-11-23T11:00"), Referral(Sara, Reason.Meeting, "2026-11-23T10:00", "2026-11-23T11:00"));

        var outcome = CoverageAlertPolicy.Evaluate(CoverageAlertState.Empty, gaps, At("2026-11-23T09:00"), Organisation, Rules with { AlertHorizon = Duration.FromMinutes(30) });

        Assert.Empty(outcome.Messages);
    }

    /// <summary>The unit's gaps over Monday and Tuesday (whole days), as the host would compute them.</summary>
    private static IReadOnlyList<CoverageGap> GapsWith(params Referral[] referrals)
    {
        var window = Span("2026-11-23T00:00", "2026-12-01T00:00");
        var members = new[] { Kim, Sara }.Select(p => Member(p, window, referrals.Where(r => r.PersonId == p.Id).ToArray())).ToList();
        return CoverageCalculator.Gaps(Kansli, members, window, OfficeHours());
    }
}
