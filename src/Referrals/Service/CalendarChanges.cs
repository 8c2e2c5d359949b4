using NodaTime;

namespace PresenceBot.Referrals.Service;

/// <summary>
/// What a calendar re-read found for one person: bookings that make referrals, event ids that no
/// longer do (deleted, declined, turned free), and — after a full read — the window it covered, so
/// calendar referrals starting in it that the read did not mention are removed too.
/// </summary>
public sealed record CalendarChanges(
    string PersonId,
    IReadOnlyList<CalendarBooking> Bookings,
    IReadOnlyList<string> RemovedEventIds,
    Interval? FullReadWindow,
    string Actor);
