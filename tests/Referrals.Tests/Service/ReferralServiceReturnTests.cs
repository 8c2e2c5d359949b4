using PresenceBot.Referrals.Referrals;
using static PresenceBot.Referrals.Tests.WorkingTime.TestCalendars;

namespace PresenceBot.Referrals.Tests.Service;

/// <summary>Rule 7: a manual referral overrides the calendar for its period; "tillbaka" ends what is in force now.</summary>
public sealed class ReferralServiceReturnTests
{
    // Wednesday 2026-11-25, before working hours.
    private readonly ServiceHarness _h = new("2026-11-25T07:30:00");

    [Fact]
    public async Task Status_ManualLunchInsideCalendarTraining_SaysLunchWithTheMergedReturn()
    {
        await BookTrainingWithManualLunchAsync();

        var status = await _h.StatusAtAsync("2026-11-25T12:30:00");

        // The lunch wins for its period; back-to-back with the training it merges (rule 3), so callers hear the
        // training's return: 17:00 is the end of working hours, so the next working morning.
        Assert.Equal(Reason.Lunch, status.DisclosedReason);
        Assert.Equal(ReferralSource.Manual, status.Segment!.Referral!.Source);
        Assert.Equal(Local("2026-11-26T08:00:00"), status.Segment.ReturnsAt);
        Assert.Equal("Kim Krona, Lycksele kommun, är på lunch och återkommer i morgon klockan 08.00.", status.Talsvar);
    }

    [Fact]
    public async Task Status_AfterManualLunchInsideCalendarTraining_CalendarTrainingResumes()
    {
        await BookTrainingWithManualLunchAsync();

        var before = await _h.StatusAtAsync("2026-11-25T11:00:00");
        var after = await _h.StatusAtAsync("2026-11-25T13:30:00");

        Assert.Equal(Reason.Training, before.DisclosedReason);
        Assert.Equal(Reason.Training, after.DisclosedReason);
        Assert.Equal(ReferralSource.Calendar, after.Segment!.Referral!.Source);
        Assert.Equal("Kim Krona, Lycksele kommun, är på utbildning och återkommer i morgon klockan 08.00.", after.Talsvar);
    }

    [Fact]
    public async Task ReturnNowAsync_DuringCalendarMeeting_EndsItAndLaterBookingsStillApply()
    {
        await _h.BookAsync("m1", Reason.Meeting, "2026-11-25T09:00:00", "2026-11-25T10:00:00");
        await _h.BookAsync("m2", Reason.Meeting, "2026-11-25T14:00:00", "2026-11-25T15:00:00");
        _h.SetNow("2026-11-25T09:30:00");

        var result = await _h.ReturnNowAsync();

        Assert.True(result.Changed);
        Assert.False(result.Status.IsReferred);
        Assert.False((await _h.StatusAtAsync("2026-11-25T09:45:00")).IsReferred);
        var later = await _h.StatusAtAsync("2026-11-25T14:30:00");
        Assert.Equal(Reason.Meeting, later.DisclosedReason);
        Assert.Equal(Local("2026-11-25T15:00:00"), later.Segment!.ReturnsAt);
    }

    [Fact]
    public async Task ReturnNowAsync_DuringManualReferral_EndsItAndTheCalendarResumesWithTheNextBooking()
    {
        await _h.BookAsync("m1", Reason.Meeting, "2026-11-25T14:00:00", "2026-11-25T15:00:00");
        _h.SetNow("2026-11-25T10:00:00");
        await _h.SetAsync(Reason.Errand, "2026-11-25T13:00:00");
        _h.SetNow("2026-11-25T11:00:00");

        var result = await _h.ReturnNowAsync();

        Assert.True(result.Changed);
        Assert.False(result.Status.IsReferred);
        var manual = Assert.Single(_h.Store.Current(TestOrganisation.Kim).Referrals, r => r.Source == ReferralSource.Manual);
        Assert.Equal(Local("2026-11-25T11:00:00"), manual.EndedAt);
        Assert.Equal(Local("2026-11-25T13:00:00"), manual.ReturnsAt);
        Assert.Equal(Reason.Meeting, (await _h.StatusAtAsync("2026-11-25T14:30:00")).DisclosedReason);
    }

    [Fact]
    public async Task ReturnNowAsync_InsideAMergedGap_StopsTheGapFillButTheNextBookingStillApplies()
    {
        await _h.BookAsync("m1", Reason.Meeting, "2026-11-25T09:00:00", "2026-11-25T10:00:00");
        await _h.BookAsync("m2", Reason.Meeting, "2026-11-25T10:10:00", "2026-11-25T11:00:00");
        Assert.True((await _h.StatusAtAsync("2026-11-25T10:05:00")).IsReferred);

        var result = await _h.ReturnNowAsync();

        Assert.True(result.Changed);
        Assert.False(result.Status.IsReferred);
        var audit = Assert.Single(_h.Store.Saved[^1].Audit);
        Assert.Equal("returned", audit.Action);
        Assert.Null(audit.ReferralId);
        Assert.Equal(Local("2026-11-25T10:05:00"), _h.Store.Current(TestOrganisation.Kim).LastReturnAt);
        var next = await _h.StatusAtAsync("2026-11-25T10:30:00");
        Assert.Equal(Local("2026-11-25T10:10:00"), next.Segment!.AbsentFrom);
        Assert.Equal("Kim Krona, Lycksele kommun, är på sammanträde och återkommer klockan 11.00.", next.Talsvar);
    }

    [Fact]
    public async Task ReturnNowAsync_WhenAvailable_ChangesNothingAndWritesNoAuditOrEvent()
    {
        await _h.BookAsync("m1", Reason.Meeting, "2026-11-25T14:00:00", "2026-11-25T15:00:00");
        var savesBefore = _h.Store.SaveAttempts;
        _h.SetNow("2026-11-25T10:00:00");

        var result = await _h.ReturnNowAsync();

        Assert.False(result.Changed);
        Assert.False(result.Status.IsReferred);
        Assert.Equal(savesBefore, _h.Store.SaveAttempts);
        Assert.DoesNotContain(_h.Store.Events, e => e.Action == "returned");
        Assert.Null(_h.Store.Current(TestOrganisation.Kim).LastReturnAt);
    }

    [Fact]
    public async Task ReturnNowAsync_Twice_SecondChangesNothing()
    {
        await _h.BookAsync("m1", Reason.Meeting, "2026-11-25T09:00:00", "2026-11-25T10:00:00");
        _h.SetNow("2026-11-25T09:30:00");

        var first = await _h.ReturnNowAsync();
        var second = await _h.ReturnNowAsync();

        Assert.True(first.Changed);
        Assert.False(second.Changed);
        Assert.Single(_h.Store.Events, e => e.Action == "returned");
    }

    [Fact]
    public async Task UpsertCalendarAsync_RedeliveredBookingAfterReturn_StaysEnded()
    {
        await _h.BookAsync("m1", Reason.Meeting, "2026-11-25T09:00:00", "2026-11-25T10:00:00");
        _h.SetNow("2026-11-25T09:30:00");
        await _h.ReturnNowAsync();

        var redelivered = await _h.BookAsync("m1", Reason.Meeting, "2026-11-25T09:00:00", "2026-11-25T10:00:00");

        Assert.False(redelivered.Changed);
        Assert.False((await _h.StatusAtAsync("2026-11-25T09:45:00")).IsReferred);
    }

    [Fact]
    public async Task UpsertCalendarAsync_BookingMovedPastTheReturn_AppliesAgain()
    {
        await _h.BookAsync("m1", Reason.Meeting, "2026-11-25T09:00:00", "2026-11-25T10:00:00");
        _h.SetNow("2026-11-25T09:30:00");
        await _h.ReturnNowAsync();

        var moved = await _h.BookAsync("m1", Reason.Meeting, "2026-11-25T14:00:00", "2026-11-25T15:00:00");

        Assert.True(moved.Changed);
        Assert.True((await _h.StatusAtAsync("2026-11-25T14:30:00")).IsReferred);
    }

    [Fact]
    public async Task ReturnNowAsync_FromManualLunchInsideCalendarTraining_EndsBothInOneStep()
    {
        await BookTrainingWithManualLunchAsync();
        _h.SetNow("2026-11-25T12:20:00");

        var result = await _h.ReturnNowAsync();

        // Rule 7: back is back — the training under the lunch ends too, not only the lunch.
        Assert.True(result.Changed);
        Assert.False(result.Status.IsReferred);
        var referrals = _h.Store.Current(TestOrganisation.Kim).Referrals;
        Assert.All(referrals, r => Assert.Equal(Local("2026-11-25T12:20:00"), r.EndedAt));
        Assert.False((await _h.StatusAtAsync("2026-11-25T13:30:00")).IsReferred);
        Assert.Single(_h.Store.Events, e => e.Action == "returned");
        Assert.False((await _h.ReturnNowAsync()).Changed);
    }

    [Fact]
    public async Task ReturnNowAsync_ManualOverACalendarBookingInForce_TheCalendarResumesWithTheNextBooking()
    {
        _h.SetNow("2026-11-25T09:10:00");
        await _h.BookAsync("now", Reason.Meeting, "2026-11-25T09:00:00", "2026-11-25T11:00:00");
        await _h.BookAsync("next", Reason.Training, "2026-11-25T14:00:00", "2026-11-25T15:00:00");
        await _h.SetAsync(Reason.Lunch, "2026-11-25T10:00:00");
        _h.SetNow("2026-11-25T09:30:00");

        var result = await _h.ReturnNowAsync();

        Assert.False(result.Status.IsReferred);
        Assert.False((await _h.StatusAtAsync("2026-11-25T10:30:00")).IsReferred);
        var next = await _h.StatusAtAsync("2026-11-25T14:30:00");
        Assert.Equal(Reason.Training, next.DisclosedReason);
        Assert.Equal(ReferralSource.Calendar, next.Segment!.Referral!.Source);
    }

    [Fact]
    public async Task UpsertCalendarAsync_RedeliveredBookingAfterReturnFromManualOverIt_StaysEnded()
    {
        await BookTrainingWithManualLunchAsync();
        _h.SetNow("2026-11-25T12:20:00");
        await _h.ReturnNowAsync();

        var redelivered = await _h.BookAsync("kurs", Reason.Training, "2026-11-25T08:00:00", "2026-11-25T17:00:00");

        Assert.False(redelivered.Changed);
        Assert.False((await _h.StatusAtAsync("2026-11-25T14:00:00")).IsReferred);
    }

    private async Task BookTrainingWithManualLunchAsync()
    {
        await _h.BookAsync("kurs", Reason.Training, "2026-11-25T08:00:00", "2026-11-25T17:00:00");
        await _h.SetAsync(Reason.Lunch, "2026-11-25T13:00:00", localFrom: "2026-11-25T12:00:00");
    }
}
