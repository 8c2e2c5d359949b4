using NodaTime;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Reminders;
using PresenceBot.Referrals.Service;
using PresenceBot.Tests.Calendar;
using PresenceBot.Tests.Storage;

namespace PresenceBot.Tests.Reminders;

/// <summary>
/// Coverage alerts on the real host: a change reaches managers through the outbox at once, the minute job adds nothing
/// twice. Socialtjänst Storuman needs 2 of its 3 (Erik — the manager —, Maria, Jonas) reachable 08–16.
/// </summary>
public sealed class CoverageAlertTests : IAsyncLifetime
{
    private const string Jonas = "ad3bae2e-c6a7-4ad2-a60b-49076936cb99";

    private ReminderHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new ReminderHost();
        // These tests book calendar meetings themselves; start-up's first calendar read must not wipe them out.
        await _host.CalendarsReadOnceAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ClosedReferralThatEmptiesThePhoneHour_AlertsEachManagerOnce_AndReturnSaysCoveredAgain()
    {
        _host.At(2026, 11, 23, 9, 0);
        await _host.AwayAsync(TestOrganisation.Maria, Reason.Errand, _host.Now + Duration.FromHours(3));
        await _host.OutboxDrainedAsync();
        Assert.Empty(_host.SentOf(ReminderKind.CoverageAlert));

        await _host.AwayAsync(Jonas, Reason.Errand, _host.Now + Duration.FromHours(2));
        await _host.OutboxDrainedAsync();
        await _host.RunCoverageJobAsync();
        _host.At(2026, 11, 23, 9, 5);
        await _host.RunCoverageJobAsync();

        var alert = Assert.Single(_host.SentOf(ReminderKind.CoverageAlert));
        Assert.Equal(TestOrganisation.Erik, alert.RecipientId);
        Assert.Contains("09.00–11.00", alert.Title, StringComparison.Ordinal);
        Assert.Contains(alert.Facts, f => f.Value.Contains("Jonas Ek", StringComparison.Ordinal));

        _host.At(2026, 11, 23, 9, 10);
        await _host.Referrals.ReturnNowAsync(Jonas, ReferralSource.Switchboard, "vaxel@lycksele.se", CancellationToken.None);
        await _host.OutboxDrainedAsync();
        await _host.RunCoverageJobAsync();

        var covered = Assert.Single(_host.SentOf(ReminderKind.CoverageCovered));
        Assert.Equal(TestOrganisation.Erik, covered.RecipientId);
        Assert.StartsWith("Täckt igen", covered.Title, StringComparison.Ordinal);
        Assert.Single(_host.SentOf(ReminderKind.CoverageAlert));
    }

    [Fact]
    public async Task ChangeSoonAfterAnEvaluation_IsEvaluatedWhenTheSpacingIsOver_NotAtOnce()
    {
        // Maria's change starts an evaluation at 09:00:00 (no gap yet: Erik and Jonas are in).
        _host.At(2026, 11, 23, 9, 0);
        await _host.AwayAsync(TestOrganisation.Maria, Reason.Errand, _host.Now + Duration.FromHours(3));
        await _host.OutboxDrainedAsync();
        Assert.NotNull(_host.Service<PresenceBot.Reminders.CoverageRound>().LastStartedAt);

        // Jonas's change 5 s later opens the gap, but within the spacing (30 s): handed over, not evaluated yet.
        var spacing = _host.Service<Microsoft.Extensions.Options.IOptions<PresenceBot.Reminders.RemindersOptions>>().Value.CoverageChangeSpacing;
        Assert.True(spacing > TimeSpan.FromSeconds(5));
        _host.App.Clock.Advance(TimeSpan.FromSeconds(5));
        await _host.AwayAsync(Jonas, Reason.Errand, _host.Now + Duration.FromHours(2));
        await _host.OutboxDrainedAsync();
        Assert.Empty(_host.SentOf(ReminderKind.CoverageAlert));

        // When the spacing is over, one deferred evaluation alerts the manager.
        _host.App.Clock.Advance(spacing - TimeSpan.FromSeconds(5));
        var alert = await Eventually.ValueAsync(
            () => Task.FromResult(_host.SentOf(ReminderKind.CoverageAlert)), sent => sent.Count > 0, "the deferred coverage alert");
        Assert.Equal(TestOrganisation.Erik, Assert.Single(alert).RecipientId);
    }

    [Fact]
    public async Task TomorrowsGap_WaitsFor1500Digest_ThenIsNotAlertedAgain()
    {
        await BothAwayTomorrowAsync();
        Assert.Empty(_host.Sender.Sent);

        _host.At(2026, 11, 23, 15, 0);
        await _host.RunCoverageJobAsync();
        _host.At(2026, 11, 24, 8, 0);
        await _host.RunCoverageJobAsync();

        var digest = Assert.Single(_host.SentOf(ReminderKind.CoverageDigest));
        Assert.Equal(TestOrganisation.Erik, digest.RecipientId);
        Assert.Empty(_host.SentOf(ReminderKind.CoverageAlert));
    }

    [Fact]
    public async Task EvaluationsAfterTheDigest_MarkItOnceAndLogNothingAtError()
    {
        await BothAwayTomorrowAsync();

        for (var minute = 0; minute < 4; minute++)
        {
            _host.At(2026, 11, 23, 15, minute);
            await _host.RunCoverageJobAsync();
        }

        Assert.Single(_host.SentOf(ReminderKind.CoverageDigest));
        Assert.Equal(1, await TestDatabase.CountAsync(_host.App.DatabasePath, "sent_reminders", "Kind = 'CoverageDigest' AND RecipientId = ''"));
        Assert.DoesNotContain(_host.App.Logs.Lines, l => l.StartsWith("Error ", StringComparison.Ordinal) || l.StartsWith("Critical ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailedAlert_IsSentByTheNextRun()
    {
        _host.At(2026, 11, 23, 9, 0);
        await _host.AwayAsync(TestOrganisation.Maria, Reason.Errand, _host.Now + Duration.FromHours(3));
        await _host.OutboxDrainedAsync();
        _host.Sender.FailNext(1);
        await _host.AwayAsync(Jonas, Reason.Errand, _host.Now + Duration.FromHours(2));
        await _host.OutboxDrainedAsync();
        Assert.Empty(_host.SentOf(ReminderKind.CoverageAlert));

        _host.At(2026, 11, 23, 9, 1);
        await _host.RunCoverageJobAsync();

        Assert.Equal(TestOrganisation.Erik, Assert.Single(_host.SentOf(ReminderKind.CoverageAlert)).RecipientId);
    }

    [Fact]
    public async Task MeetingBookedInTheEvening_WarnsTheStaffMemberNextWorkingMorning_Once()
    {
        var tuesday = Instant.FromUtc(2026, 11, 24, 7, 0);
        _host.At(2026, 11, 23, 18, 0);
        await _host.AwayAsync(TestOrganisation.Maria, Reason.Errand, tuesday + Duration.FromHours(9), from: tuesday);
        await _host.Referrals.UpsertCalendarAsync(
            new CalendarBooking(Jonas, "evt-1", Reason.Meeting, tuesday + Duration.FromHours(1), tuesday + Duration.FromHours(2), "calendar-sync"),
            CancellationToken.None);
        await _host.OutboxDrainedAsync();
        await _host.RunCoverageJobAsync();
        Assert.Empty(_host.Sender.Sent);

        _host.At(2026, 11, 24, 8, 0);
        await _host.RunCoverageJobAsync();
        _host.At(2026, 11, 24, 8, 1);
        await _host.RunCoverageJobAsync();

        var warning = Assert.Single(_host.SentOf(ReminderKind.StaffPhoneHoursWarning));
        Assert.Equal(Jonas, warning.RecipientId);
        Assert.Contains("09.00–10.00", warning.Title, StringComparison.Ordinal);
    }

    /// <summary>Monday 14:00: Maria and Jonas register errands for all of Tuesday, leaving Socialtjänst unstaffed then.</summary>
    private async Task BothAwayTomorrowAsync()
    {
        _host.At(2026, 11, 23, 14, 0);
        var tuesday = Instant.FromUtc(2026, 11, 24, 7, 0);
        await _host.AwayAsync(TestOrganisation.Maria, Reason.Errand, tuesday + Duration.FromHours(9), from: tuesday);
        await _host.AwayAsync(Jonas, Reason.Errand, tuesday + Duration.FromHours(9), from: tuesday);
        await _host.OutboxDrainedAsync();
    }
}
