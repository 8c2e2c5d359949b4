using NodaTime;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.Referrals.Coverage;

/// <summary>
/// A stretch of a unit's phone hours with fewer than <see cref="Unit.MinimumStaffed"/> reachable members.
/// Identified by unit and interval (<see cref="Key"/>): a gap that grows or shrinks is a different gap.
/// </summary>
public sealed record CoverageGap(Unit Unit, Interval Interval, int Reachable, IReadOnlyList<AwayMember> Away)
{
    public GapKey Key => new(Unit.Id, Interval);
}
