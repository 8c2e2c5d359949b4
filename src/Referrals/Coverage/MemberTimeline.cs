using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Timeline;

namespace PresenceBot.Referrals.Coverage;

/// <summary>One unit member and their effective segments (as <see cref="ReferralTimeline"/> computes them) over the window.</summary>
public sealed record MemberTimeline(Person Person, IReadOnlyList<TimelineSegment> Segments);
