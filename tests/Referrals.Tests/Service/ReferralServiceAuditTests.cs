using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Service;
using static PresenceBot.Referrals.Tests.WorkingTime.TestCalendars;

namespace PresenceBot.Referrals.Tests.Service;

/// <summary>Every change is audited and announced once; a lost race is retried on fresh state without losing either write.</summary>
public sealed class ReferralServiceAuditTests
{
    // Wednesday 2026-11-25, working hours.
    private readonly ServiceHarness _h = new("2026-11-25T10:00:00");

    [Fact]
    public async Task SetAsync_WritesAuditWithSourceActorBeforeAfterAndTime_AndEmitsTheEvent()
    {
        var result = await _h.SetAsync(Reason.Meeting, "2026-11-25T15:00:00", actor: "kim@lycksele.se");

        var saved = Assert.Single(_h.Store.Saved);
        var audit = Assert.Single(saved.Audit);
        var referral = Assert.Single(_h.Store.Current(TestOrganisation.Kim).Referrals);
        Assert.Equal(TestOrganisation.Kim, audit.PersonId);
        Assert.Equal(ReferralSource.Manual, audit.Source);
        Assert.Equal("kim@lycksele.se", audit.Actor);
        Assert.Equal("created", audit.Action);
        Assert.Equal(Local("2026-11-25T10:00:00"), audit.At);
        Assert.Equal(referral.Id, audit.ReferralId);
        Assert.Null(audit.Before);
        Assert.Equal(referral, audit.After);

        Assert.Equal(TestOrganisation.Kim, saved.Event.PersonId);
        Assert.Equal(ReferralSource.Manual, saved.Event.Source);
        Assert.Equal("kim@lycksele.se", saved.Event.Actor);
        Assert.Equal("set", saved.Event.Action);
        Assert.Equal(Local("2026-11-25T10:00:00"), saved.Event.OccurredAt);
        Assert.True(result.Changed);
    }

    [Fact]
    public async Task SetAsync_FromTheSwitchboard_IsAuditedAsSwitchboardWithTheOperator()
    {
        await _h.SetAsync(Reason.Away, "2026-11-25T15:00:00", source: ReferralSource.Switchboard, actor: "operator-7");

        var saved = Assert.Single(_h.Store.Saved);
        Assert.Equal(ReferralSource.Switchboard, Assert.Single(saved.Audit).Source);
        Assert.Equal("operator-7", saved.Audit[0].Actor);
        Assert.Equal(ReferralSource.Switchboard, saved.Event.Source);
    }

    [Fact]
    public async Task ReturnNowAsync_AuditsTheEndedReferralBeforeAndAfter()
    {
        await _h.SetAsync(Reason.Meeting, "2026-11-25T15:00:00");
        _h.Time.Advance(TimeSpan.FromHours(1));

        await _h.ReturnNowAsync();

        var saved = _h.Store.Saved[^1];
        var audit = Assert.Single(saved.Audit);
        Assert.Equal("ended", audit.Action);
        Assert.Null(audit.Before!.EndedAt);
        Assert.Equal(Local("2026-11-25T11:00:00"), audit.After!.EndedAt);
        Assert.Equal(Local("2026-11-25T11:00:00"), audit.At);
        Assert.Equal("returned", saved.Event.Action);
        Assert.Equal(Local("2026-11-25T11:00:00"), saved.Event.OccurredAt);
    }

    [Fact]
    public async Task CalendarChanges_AreAuditedAsCalendarWithTheirActorAndEachEmitsOneEvent()
    {
        await _h.BookAsync("m1", Reason.Meeting, "2026-11-25T13:00:00", "2026-11-25T14:00:00");
        await _h.BookAsync("m1", Reason.Meeting, "2026-11-25T13:00:00", "2026-11-25T14:30:00");
        await _h.Service.RemoveCalendarAsync(TestOrganisation.Kim, "m1", "graph", CancellationToken.None);

        Assert.Equal(["calendar-created", "calendar-updated", "calendar-removed"], _h.Store.Events.Select(e => e.Action));
        Assert.Equal(["created", "updated", "removed"], _h.Store.Audit.Select(a => a.Action));
        Assert.All(_h.Store.Audit, a => Assert.Equal(ReferralSource.Calendar, a.Source));
        Assert.All(_h.Store.Audit, a => Assert.Equal("graph", a.Actor));
        Assert.All(_h.Store.Events, e => Assert.Equal(ReferralSource.Calendar, e.Source));
        var removed = _h.Store.Audit[^1];
        Assert.NotNull(removed.Before);
        Assert.Null(removed.After);
    }

    [Fact]
    public async Task EveryChangeSet_HasAuditStampedWithTheEventTimeAndUniqueIds()
    {
        await _h.BookAsync("m1", Reason.Meeting, "2026-11-25T13:00:00", "2026-11-25T14:00:00");
        _h.Time.Advance(TimeSpan.FromMinutes(10));
        await _h.SetAsync(Reason.Errand, "2026-11-25T12:00:00");
        _h.Time.Advance(TimeSpan.FromMinutes(10));
        await _h.ReturnNowAsync();

        Assert.Equal(3, _h.Store.Saved.Count);
        Assert.All(_h.Store.Saved, saved =>
        {
            Assert.NotEmpty(saved.Audit);
            Assert.All(saved.Audit, a => Assert.Equal(saved.Event.OccurredAt, a.At));
            Assert.All(saved.Audit, a => Assert.False(string.IsNullOrWhiteSpace(a.Actor)));
        });
        Assert.Equal(3, _h.Store.Events.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(_h.Store.Audit.Count, _h.Store.Audit.Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public async Task SetAsync_ConcurrentCalendarWriteBeforeSave_IsRetriedOnFreshStateAndBothChangesSurvive()
    {
        _h.Store.InjectBeforeNextSave(() => _h.BookAsync("m1", Reason.Meeting, "2026-11-25T13:00:00", "2026-11-25T14:00:00"));

        var result = await _h.SetAsync(Reason.Errand, "2026-11-25T12:00:00");

        Assert.True(result.Changed);
        var rejected = Assert.Single(_h.Store.Rejected);
        Assert.Equal(0, rejected.ExpectedVersion);
        Assert.Equal(["calendar-created", "set"], _h.Store.Events.Select(e => e.Action));
        Assert.Equal(1, _h.Store.Saved[^1].ExpectedVersion);
        var state = _h.Store.Current(TestOrganisation.Kim);
        Assert.Equal(2, state.Version);
        Assert.Equal(
            [ReferralSource.Manual, ReferralSource.Calendar],
            state.Referrals.OrderBy(r => r.Start).Select(r => r.Source));
        Assert.Equal(Reason.Errand, result.Status.DisclosedReason);
        Assert.Equal(Reason.Meeting, (await _h.StatusAtAsync("2026-11-25T13:30:00")).DisclosedReason);
    }

    [Fact]
    public async Task ReturnNowAsync_ConcurrentUpdateOfTheSameBooking_KeepsBothTheNewEndAndTheReturn()
    {
        await _h.BookAsync("m1", Reason.Meeting, "2026-11-25T09:00:00", "2026-11-25T11:00:00");
        _h.SetNow("2026-11-25T10:15:00");
        _h.Store.InjectBeforeNextSave(() => _h.BookAsync("m1", Reason.Meeting, "2026-11-25T09:00:00", "2026-11-25T12:00:00"));

        var result = await _h.ReturnNowAsync();

        Assert.True(result.Changed);
        Assert.Single(_h.Store.Rejected);
        var referral = Assert.Single(_h.Store.Current(TestOrganisation.Kim).Referrals);
        Assert.Equal(Local("2026-11-25T12:00:00"), referral.ReturnsAt);
        Assert.Equal(Local("2026-11-25T10:15:00"), referral.EndedAt);
        Assert.False((await _h.StatusAtAsync("2026-11-25T10:30:00")).IsReferred);
    }

    [Fact]
    public async Task SetAsync_ConflictOnEveryAttempt_GivesUpAfterFiveAttemptsAndStoresNothing()
    {
        Func<Task> conflict = null!;
        conflict = () =>
        {
            _h.Store.BumpVersion(TestOrganisation.Kim);
            _h.Store.InjectBeforeNextSave(conflict);
            return Task.CompletedTask;
        };
        _h.Store.InjectBeforeNextSave(conflict);

        await Assert.ThrowsAsync<ReferralConcurrencyException>(() => _h.SetAsync(Reason.Errand, "2026-11-25T12:00:00"));

        Assert.Equal(5, _h.Store.Rejected.Count);
        Assert.Empty(_h.Store.Saved);
        Assert.Empty(_h.Store.Current(TestOrganisation.Kim).Referrals);
    }
}
