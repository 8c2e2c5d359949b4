using NodaTime;

namespace PresenceBot.Referrals.Service;

/// <summary>
/// What a calendar re-read found for one person: bookings that make referrals, event ids that no
/// longer do (deleted, declined, turned free), and — after a full read — the window it covered, so
/// calendar referrals starting in it that the read did not mention are removed too.
/// <see cref="EndedManualReferrals"/> are manual referrals whose Outlook write-back event the person edited or deleted:
/// they end now (or go, if not begun), as a booking would, and the event speaks for itself from then on.
/// </summary>
public sealed record CalendarChanges(
    string PersonId,
    IReadOnlyList<CalendarBooking> Bookings,
    IReadOnlyList<string> RemovedEventIds,
    Interval? FullReadWindow,
    string Actor)
{
    public IReadOnlyList<Guid> EndedManualReferrals { get; init; } = [];
}
