using NodaTime;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Timeline;
using PresenceBot.Referrals.WorkingTime;

namespace PresenceBot.Referrals.Coverage;

/// <summary>
/// Finds the minutes of a unit's phone hours with fewer than <see cref="Unit.MinimumStaffed"/> reachable members.
/// A member is unreachable only while a referral with a closed phone is in force; remote work and open referrals
/// leave the phone ringing, so they count as reachable. Pure: a sweep over segment boundaries, no I/O.
/// </summary>
public static class CoverageCalculator
{
    public static IReadOnlyList<CoverageGap> Gaps(
        Unit unit, IReadOnlyList<MemberTimeline> members, Interval window, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(members);
        var gaps = new List<CoverageGap>();
        new CoverageSweep().AddGaps(unit, members, PhoneHours.Within(unit, window, calendar), gaps);
        return gaps;
    }

    /// <summary>Closed phone, and not remote work (someone working remotely answers even if a booking says otherwise).</summary>
    public static bool IsUnreachable(TimelineSegment segment) =>
        segment.Referral is { Phone: PhoneState.Closed } referral && referral.Reason != Reason.Remote;
}
