using NodaTime;
using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Referrals.Timeline;

/// <summary>
/// Turns a person's stored referrals into what is effectively in force over time:
/// manual and switchboard referrals win over the calendar for their period (rule 7), "tillbaka"
/// clips and splits (rule 7), and neighbouring absences whose gap is at most the merge tolerance
/// become one absence with the final return time (rule 3). Pure: the same input gives the same output.
/// </summary>
/// <remarks>For many people at once, one <see cref="TimelineBuilder"/> serves them all.</remarks>
public static class ReferralTimeline
{
    /// <summary>The effective segments covering <paramref name="window"/> without holes (available where nothing is in force).</summary>
    public static IReadOnlyList<TimelineSegment> Compute(
        IEnumerable<Referral> referrals, Instant? lastReturnAt, Duration mergeGap, Interval window) =>
        new TimelineBuilder().Compute(referrals, lastReturnAt, mergeGap, window);

    /// <summary>What is in force at one instant, or null when the person is available.</summary>
    public static TimelineSegment? At(IEnumerable<Referral> referrals, Instant? lastReturnAt, Duration mergeGap, Instant instant) =>
        new TimelineBuilder().At(referrals, lastReturnAt, mergeGap, instant);

    /// <summary>Only the referred segments, in order, merged and gap-filled.</summary>
    public static IReadOnlyList<TimelineSegment> Referred(IEnumerable<Referral> referrals, Instant? lastReturnAt, Duration mergeGap) =>
        new TimelineBuilder().Referred(referrals, lastReturnAt, mergeGap);
}
