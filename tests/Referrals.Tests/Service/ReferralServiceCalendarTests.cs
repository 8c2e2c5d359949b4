using NodaTime;
using PresenceBot.Referrals.Referrals;
using static PresenceBot.Referrals.Tests.WorkingTime.TestCalendars;

namespace PresenceBot.Referrals.Tests.Service;

/// <summary>Calendar bookings through the service: merging, working-morning returns, idempotency and couplings.</summary>
public sealed class ReferralServiceCalendarTests
{
    // Wednesday 2026-11-25, before working hours.
    private readonly ServiceHarness _h = new("2026-11-25T07:30:00");

    [Fact]
    public async Task Status_BackToBackMeetingsWithLunchGap_ReturnsAtEndOfLast()
    {
        await BookMeetingsAndLunchAsync();

        var status = await _h.StatusAtAsync("2026-11-25T09:30:00");

        Assert.Equal(Reason.Meeting, status.DisclosedReason);
        Assert.Equal(Local("2026-11-25T12:30:00"), status.Segment!.ReturnsAt);
    }

    [Fact]
    public async Task Status_BackToBackMeetingsWithLunchGap_TalsvarSpeaksTheMergedReturnTime()
    {
        await BookMeetingsAndLunchAsync();

        var status = await _h.StatusAtAsync("2026-11-25T09:30:00");

        Assert.Equal("Kim Krona, Lycksele kommun, är på sammanträde och återkommer klockan 12.30.", status.Talsvar);
    }

    [Theory]
    [InlineData("2026-11-25T10:05:00")]
    [InlineData("2026-11-25T11:35:00")]
    public async Task Status_InsideAGapBetweenMergedBookings_IsStillReferredWithTheFinalReturn(string localNow)
    {
        await BookMeetingsAndLunchAsync();

        var status = await _h.StatusAtAsync(localNow);

        Assert.Equal(Reason.Meeting, status.DisclosedReason);
        Assert.Equal("Kim Krona, Lycksele kommun, är på sammanträde och återkommer klockan 12.30.", status.Talsvar);
    }

    [Fact]
    public async Task Status_GapLongerThanMergeGap_IsAvailableInTheGap()
    {
        await _h.BookAsync("m1", Reason.Meeting, "2026-11-25T09:00:00", "2026-11-25T10:00:00");
        await _h.BookAsync("m2", Reason.Meeting, "2026-11-25T10:20:00", "2026-11-25T11:00:00");

        var inFirst = await _h.StatusAtAsync("2026-11-25T09:30:00");
        var inGap = await _h.StatusAtAsync("2026-11-25T10:10:00");

        Assert.Equal(Local("2026-11-25T10:00:00"), inFirst.Segment!.ReturnsAt);
        Assert.False(inGap.IsReferred);
    }

    [Fact]
    public async Task Status_RemoteWorkFollowedByAMeeting_NeverMergesWithTheAbsence()
    {
        await _h.BookAsync("remote", Reason.Remote, "2026-11-25T08:00:00", "2026-11-25T12:00:00");
        await _h.BookAsync("m1", Reason.Meeting, "2026-11-25T12:00:00", "2026-11-25T13:00:00");

        var status = await _h.StatusAtAsync("2026-11-25T09:00:00");

        Assert.Equal("Kim Krona, Lycksele kommun, arbetar på distans och återkommer klockan 12.00.", status.Talsvar);
        Assert.Equal(PhoneState.Open, status.Segment!.Referral!.Phone);
    }

    [Fact]
    public async Task Status_AllDayOutOfOfficeOnFriday_ReturnsMondayMorning()
    {
        var h = new ServiceHarness("2026-11-20T07:00:00");
        await h.BookAsync("oof", Reason.Away, "2026-11-20T00:00:00", "2026-11-21T00:00:00");

        var status = await h.StatusAtAsync("2026-11-20T10:00:00");

        Assert.Equal(WithOffset("2026-11-23T08:00:00+01:00"), status.Segment!.ReturnsAt);
        Assert.Equal("Kim Krona, Lycksele kommun, är frånvarande och återkommer på måndag klockan 08.00.", status.Talsvar);
    }

    [Fact]
    public async Task Status_VacationEndingMaundyThursday_ReturnsTuesdayAfterEasterMonday()
    {
        var h = new ServiceHarness("2026-03-30T07:00:00");
        await h.BookAsync("semester", Reason.Vacation, "2026-03-30T00:00:00", "2026-04-03T00:00:00");

        var status = await h.StatusAtAsync("2026-04-01T10:00:00");

        Assert.Equal(WithOffset("2026-04-07T08:00:00+02:00"), status.Segment!.ReturnsAt);
        Assert.Equal("Kim Krona, Lycksele kommun, har semester och återkommer på tisdag klockan 08.00.", status.Talsvar);
    }

    [Fact]
    public async Task Timeline_WeekendAbsenceOverSpringForward_IsOneHourShorter()
    {
        var h = new ServiceHarness("2026-03-27T07:00:00");
        await h.BookAsync("resa", Reason.BusinessTrip, "2026-03-27T16:00:00", "2026-03-28T00:00:00");

        var segments = await h.TimelineAsync("2026-03-27T00:00:00", "2026-03-31T00:00:00");

        Assert.Equal(
            [(false, Duration.FromHours(16)), (true, Duration.FromHours(63)), (false, Duration.FromHours(16))],
            segments.Select(s => (s.IsReferred, s.To - s.From)));
        Assert.Equal(WithOffset("2026-03-30T08:00:00+02:00"), segments[1].ReturnsAt);
    }

    [Fact]
    public async Task Timeline_WeekendAbsenceOverFallBack_IsOneHourLonger()
    {
        var h = new ServiceHarness("2026-10-23T07:00:00");
        await h.BookAsync("resa", Reason.BusinessTrip, "2026-10-23T16:00:00", "2026-10-24T00:00:00");

        var segments = await h.TimelineAsync("2026-10-23T00:00:00", "2026-10-27T00:00:00");

        Assert.Equal(
            [(false, Duration.FromHours(16)), (true, Duration.FromHours(65)), (false, Duration.FromHours(16))],
            segments.Select(s => (s.IsReferred, s.To - s.From)));
        Assert.Equal(WithOffset("2026-10-26T08:00:00+01:00"), segments[1].ReturnsAt);
    }

    [Fact]
    public async Task UpsertCalendarAsync_SameBookingTwice_ChangesOnce()
    {
        var first = await _h.BookAsync("m1", Reason.Meeting, "2026-11-25T09:00:00", "2026-11-25T10:00:00");
        var second = await _h.BookAsync("m1", Reason.Meeting, "2026-11-25T09:00:00", "2026-11-25T10:00:00");

        Assert.True(first.Changed);
        Assert.False(second.Changed);
        Assert.Single(_h.Store.Saved);
        Assert.Single(_h.Store.Current(TestOrganisation.Kim).Referrals);
    }

    [Fact]
    public async Task UpsertCalendarAsync_ChangedBooking_UpdatesTheSameReferral()
    {
        await _h.BookAsync("m1", Reason.Meeting, "2026-11-25T09:00:00", "2026-11-25T10:00:00");
        var id = Assert.Single(_h.Store.Current(TestOrganisation.Kim).Referrals).Id;

        var result = await _h.BookAsync("m1", Reason.Meeting, "2026-11-25T09:00:00", "2026-11-25T11:00:00");

        Assert.True(result.Changed);
        var stored = Assert.Single(_h.Store.Current(TestOrganisation.Kim).Referrals);
        Assert.Equal(id, stored.Id);
        Assert.Equal(Local("2026-11-25T11:00:00"), stored.ReturnsAt);
        var audit = Assert.Single(_h.Store.Saved[^1].Audit);
        Assert.Equal("updated", audit.Action);
        Assert.Equal(Local("2026-11-25T10:00:00"), audit.Before!.ReturnsAt);
        Assert.Equal(Local("2026-11-25T11:00:00"), audit.After!.ReturnsAt);
        Assert.Equal("calendar-updated", _h.Store.Saved[^1].Event.Action);
    }

    [Fact]
    public async Task RemoveCalendarAsync_RemovesAndASecondRemoveIsANoOp()
    {
        await _h.BookAsync("m1", Reason.Meeting, "2026-11-25T09:00:00", "2026-11-25T10:00:00");

        var first = await _h.Service.RemoveCalendarAsync(TestOrganisation.Kim, "m1", "graph", CancellationToken.None);
        var second = await _h.Service.RemoveCalendarAsync(TestOrganisation.Kim, "m1", "graph", CancellationToken.None);

        Assert.True(first.Changed);
        Assert.False(second.Changed);
        Assert.Empty(_h.Store.Current(TestOrganisation.Kim).Referrals);
        Assert.Equal(["calendar-created", "calendar-removed"], _h.Store.Events.Select(e => e.Action));
        Assert.False((await _h.StatusAtAsync("2026-11-25T09:30:00")).IsReferred);
    }

    [Fact]
    public async Task RemoveCalendarAsync_UnknownBooking_ChangesNothing()
    {
        var result = await _h.Service.RemoveCalendarAsync(TestOrganisation.Kim, "never-seen", "graph", CancellationToken.None);

        Assert.False(result.Changed);
        Assert.Equal(0, _h.Store.SaveAttempts);
    }

    [Fact]
    public async Task UpsertCalendarAsync_PersonWithCouplingOff_MakesNoReferral()
    {
        var result = await _h.BookAsync("m1", Reason.Meeting, "2026-11-25T09:00:00", "2026-11-25T10:00:00", TestOrganisation.Alva);

        Assert.False(result.Changed);
        Assert.Equal(0, _h.Store.SaveAttempts);
        Assert.False((await _h.StatusAtAsync("2026-11-25T09:30:00", TestOrganisation.Alva)).IsReferred);
    }

    [Fact]
    public async Task UpsertCalendarAsync_PersonWithCouplingOpen_KeepsThePhoneOpen()
    {
        await _h.BookAsync("m1", Reason.Meeting, "2026-11-25T09:00:00", "2026-11-25T10:00:00", TestOrganisation.Olle);

        var status = await _h.StatusAtAsync("2026-11-25T09:30:00", TestOrganisation.Olle);

        Assert.Equal(Reason.Meeting, status.DisclosedReason);
        Assert.Equal(PhoneState.Open, status.Segment!.Referral!.Phone);
        Assert.Equal("Olle Öppen, Lycksele kommun, är på sammanträde och återkommer klockan 10.00.", status.Talsvar);
    }

    [Fact]
    public async Task UpsertCalendarAsync_PersonWithCouplingClosed_ClosesThePhone()
    {
        await _h.BookAsync("m1", Reason.Meeting, "2026-11-25T09:00:00", "2026-11-25T10:00:00");

        Assert.Equal(PhoneState.Closed, Assert.Single(_h.Store.Current(TestOrganisation.Kim).Referrals).Phone);
    }

    [Fact]
    public async Task UpsertCalendarAsync_RemoteWorkWithCouplingClosed_KeepsThePhoneOpen()
    {
        await _h.BookAsync("remote", Reason.Remote, "2026-11-25T08:00:00", "2026-11-25T16:00:00");

        Assert.Equal(PhoneState.Open, Assert.Single(_h.Store.Current(TestOrganisation.Kim).Referrals).Phone);
    }

    [Fact]
    public async Task UpsertCalendarAsync_BookingEndingAtCloseOfWorkingDay_ReturnsNextWorkingMorning()
    {
        await _h.BookAsync("kurs", Reason.Training, "2026-11-25T13:00:00", "2026-11-25T17:00:00");

        Assert.Equal(Local("2026-11-26T08:00:00"), Assert.Single(_h.Store.Current(TestOrganisation.Kim).Referrals).ReturnsAt);
    }

    [Fact]
    public async Task UpsertCalendarAsync_ZeroLengthBooking_MakesNoReferral()
    {
        // Outlook allows events that start and end at the same minute; they block no time.
        var result = await _h.BookAsync("blip", Reason.Meeting, "2026-11-25T09:00:00", "2026-11-25T09:00:00");

        Assert.False(result.Changed);
        Assert.Equal(0, _h.Store.SaveAttempts);
    }

    [Fact]
    public async Task UpsertCalendarAsync_BookingShortenedToZeroLength_RemovesItsReferral()
    {
        await _h.BookAsync("m1", Reason.Meeting, "2026-11-25T09:00:00", "2026-11-25T10:00:00");

        var result = await _h.BookAsync("m1", Reason.Meeting, "2026-11-25T09:00:00", "2026-11-25T09:00:00");

        Assert.True(result.Changed);
        Assert.Empty(_h.Store.Current(TestOrganisation.Kim).Referrals);
        Assert.Equal("calendar-removed", _h.Store.Events[^1].Action);
    }

    private async Task BookMeetingsAndLunchAsync()
    {
        await _h.BookAsync("m1", Reason.Meeting, "2026-11-25T09:00:00", "2026-11-25T10:00:00");
        await _h.BookAsync("m2", Reason.Meeting, "2026-11-25T10:10:00", "2026-11-25T11:30:00");
        await _h.BookAsync("lunch", Reason.Lunch, "2026-11-25T11:40:00", "2026-11-25T12:30:00");
    }
}
