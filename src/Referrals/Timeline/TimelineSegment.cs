using NodaTime;
using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Referrals.Timeline;

/// <summary>
/// A stretch of time with one effective status. When <see cref="Referral"/> is null the person is
/// available. <see cref="AbsentFrom"/> and <see cref="ReturnsAt"/> span the whole merged absence, so a
/// caller in the first of two back-to-back meetings hears the final return time (rule 3).
/// </summary>
public sealed record TimelineSegment(Instant From, Instant To, Referral? Referral, Instant AbsentFrom, Instant ReturnsAt)
{
    public bool IsReferred => Referral is not null;

    public bool Contains(Instant instant) => From <= instant && instant < To;

    public static TimelineSegment Available(Instant from, Instant to) => new(from, to, null, from, to);
}
