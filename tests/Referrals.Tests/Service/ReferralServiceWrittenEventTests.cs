using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Service;
using static PresenceBot.Referrals.Tests.WorkingTime.TestCalendars;

namespace PresenceBot.Referrals.Tests.Service;

/// <summary>
/// A manual referral whose Outlook write-back event the person edited or deleted: the calendar speaks from then on, so
/// the manual referral ends now, or goes if it had not begun; hearing it again changes nothing.
/// </summary>
public sealed class ReferralServiceWrittenEventTests
{
    private readonly ServiceHarness _h = new("2026-11-25T09:00:00");

    [Fact]
    public async Task Sync_WithTheEventOfAReferralInForce_EndsItNow()
    {
        var set = await _h.SetAsync(Reason.Meeting, "2026-11-25T15:00:00");
        var id = set.Status.Segment!.Referral!.Id;
        _h.SetNow("2026-11-25T10:00:00");

        var result = await SyncAsync(id);

        Assert.True(result.Changed);
        Assert.False(result.Status.IsReferred);
        Assert.Equal(Local("2026-11-25T10:00:00"), _h.Store.Current(TestOrganisation.Kim).Referrals.Single().EndedAt);
    }

    [Fact]
    public async Task Sync_WithTheEventOfAReferralNotBegun_RemovesIt()
    {
        await _h.SetAsync(Reason.Training, "2026-11-25T15:00:00", localFrom: "2026-11-25T13:00:00");
        var id = _h.Store.Current(TestOrganisation.Kim).Referrals.Single().Id;

        await SyncAsync(id);

        Assert.Empty(_h.Store.Current(TestOrganisation.Kim).Referrals);
    }

    [Fact]
    public async Task Sync_Again_ChangesNothing()
    {
        var set = await _h.SetAsync(Reason.Meeting, "2026-11-25T15:00:00");
        _h.SetNow("2026-11-25T10:00:00");
        await SyncAsync(set.Status.Segment!.Referral!.Id);
        _h.SetNow("2026-11-25T10:30:00");

        var again = await SyncAsync(set.Status.Segment!.Referral!.Id);

        Assert.False(again.Changed);
        Assert.Equal(Local("2026-11-25T10:00:00"), _h.Store.Current(TestOrganisation.Kim).Referrals.Single().EndedAt);
    }

    private Task<ReferralResult> SyncAsync(Guid referralId) =>
        _h.Service.SyncCalendarAsync(
            new CalendarChanges(TestOrganisation.Kim, [], [], null, "calendar") { EndedManualReferrals = [referralId] }, CancellationToken.None);
}
