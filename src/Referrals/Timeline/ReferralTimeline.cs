using NodaTime;
using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Referrals.Timeline;

/// <summary>
/// Turns a person's stored referrals into what is effectively in force over time:
/// manual and switchboard referrals win over the calendar for their period (rule 7), "tillbaka"
/// clips and splits (rule 7), and neighbouring absences whose gap is at most the merge tolerance
/// become one absence with the final return time (rule 3). Pure: the same input gives the same output.
/// </summary>
public static class ReferralTimeline
{
    /// <summary>The effective segments covering <paramref name="window"/> without holes (available where nothing is in force).</summary>
    public static IReadOnlyList<TimelineSegment> Compute(
        IEnumerable<Referral> referrals, Instant? lastReturnAt, Duration mergeGap, Interval window)
    {
        var referred = Referred(referrals, lastReturnAt, mergeGap);
        var result = new List<TimelineSegment>((2 * referred.Count) + 1);
        var cursor = window.Start;
        foreach (var segment in referred)
        {
            if (segment.To <= window.Start || segment.From >= window.End)
            {
                continue;
            }

            var from = Max(segment.From, window.Start);
            if (from > cursor)
            {
                result.Add(TimelineSegment.Available(cursor, from));
            }

            // Segments are immutable: one that lies inside the window is shared, not copied (issue 6: every person every minute).
            var to = Min(segment.To, window.End);
            result.Add(from == segment.From && to == segment.To ? segment : segment with { From = from, To = to });
            cursor = to;
        }

        if (cursor < window.End)
        {
            result.Add(TimelineSegment.Available(cursor, window.End));
        }

        return result;
    }

    /// <summary>What is in force at one instant, or null when the person is available.</summary>
    public static TimelineSegment? At(IEnumerable<Referral> referrals, Instant? lastReturnAt, Duration mergeGap, Instant instant)
    {
        foreach (var segment in Referred(referrals, lastReturnAt, mergeGap))
        {
            if (segment.Contains(instant))
            {
                return segment;
            }
        }

        return null;
    }

    /// <summary>Only the referred segments, in order, merged and gap-filled.</summary>
    public static IReadOnlyList<TimelineSegment> Referred(IEnumerable<Referral> referrals, Instant? lastReturnAt, Duration mergeGap)
    {
        ArgumentNullException.ThrowIfNull(referrals);
        var active = new List<Referral>(referrals.TryGetNonEnumeratedCount(out var count) ? count : 0);
        var ends = new List<Instant>(active.Capacity);
        foreach (var referral in referrals)
        {
            var end = referral.EffectiveEnd;
            if (end > referral.Start)
            {
                active.Add(referral);
                ends.Add(end);
            }
        }

        if (active.Count == 0)
        {
            return [];
        }

        return MergeBackToBack(Winners(active, ends), lastReturnAt, mergeGap);
    }

    /// <summary>Splits time at every start and end and keeps, for each piece, the referral that wins there.</summary>
    /// <remarks>
    /// A referral covers the pieces between its own start and end boundary, so each one is offered only to those
    /// pieces (in list order, as a scan of every referral for every piece would), not to all of them (issue 6's budget).
    /// </remarks>
    private static List<Piece> Winners(List<Referral> active, List<Instant> ends)
    {
        var boundaries = new Instant[2 * active.Count];
        for (var k = 0; k < active.Count; k++)
        {
            boundaries[2 * k] = active[k].Start;
            boundaries[(2 * k) + 1] = ends[k];
        }

        Array.Sort(boundaries);
        var distinct = 1;
        for (var i = 1; i < boundaries.Length; i++)
        {
            if (boundaries[i] != boundaries[distinct - 1])
            {
                boundaries[distinct++] = boundaries[i];
            }
        }

        // winners[i] is the index of the referral that wins between boundaries i and i + 1, or -1.
        var winners = new int[distinct - 1];
        Array.Fill(winners, -1);
        for (var k = 0; k < active.Count; k++)
        {
            var last = Array.BinarySearch(boundaries, 0, distinct, ends[k]);
            for (var i = Array.BinarySearch(boundaries, 0, distinct, active[k].Start); i < last; i++)
            {
                if (winners[i] < 0 || Precedes(active[k], active[winners[i]]))
                {
                    winners[i] = k;
                }
            }
        }

        var pieces = new List<Piece>(winners.Length);
        for (var i = 0; i < winners.Length; i++)
        {
            if (winners[i] < 0)
            {
                continue;
            }

            var (from, to, winner) = (boundaries[i], boundaries[i + 1], active[winners[i]]);
            if (pieces.Count > 0 && pieces[^1].Referral == winner && pieces[^1].To == from)
            {
                pieces[^1] = pieces[^1] with { To = to };
            }
            else
            {
                pieces.Add(new Piece(from, to, winner));
            }
        }

        return pieces;
    }

    /// <summary>
    /// Manual/switchboard before calendar; then the most recently started (the more specific booking,
    /// e.g. a meeting inside an all-day training); then the later return, then the id for a stable order.
    /// </summary>
    /// <remarks>True when <paramref name="candidate"/> wins over <paramref name="best"/>; strictly, so the first of equals stays, as MaxBy kept it.</remarks>
    private static bool Precedes(Referral candidate, Referral best)
    {
        var c = candidate.OverridesCalendar.CompareTo(best.OverridesCalendar);
        if (c == 0)
        {
            c = candidate.Start.CompareTo(best.Start);
        }

        if (c == 0)
        {
            c = candidate.ReturnsAt.CompareTo(best.ReturnsAt);
        }

        if (c == 0)
        {
            c = candidate.Id.CompareTo(best.Id);
        }

        return c > 0;
    }

    /// <summary>
    /// Chains of pieces that <see cref="Bridges"/> joins become one absence: each piece lasts until the next one of its
    /// chain begins (the earlier reason fills the hole), starts the absence where the chain starts and returns where it
    /// ends. Each segment is made once, with its final values.
    /// </summary>
    private static List<TimelineSegment> MergeBackToBack(List<Piece> pieces, Instant? lastReturnAt, Duration mergeGap)
    {
        var segments = new List<TimelineSegment>(pieces.Count);
        for (var first = 0; first < pieces.Count;)
        {
            var last = first;
            while (last + 1 < pieces.Count && Bridges(pieces[last], pieces[last + 1], lastReturnAt, mergeGap))
            {
                last++;
            }

            for (var i = first; i <= last; i++)
            {
                var to = i < last ? pieces[i + 1].From : pieces[i].To;
                segments.Add(new TimelineSegment(pieces[i].From, to, pieces[i].Referral, pieces[first].From, pieces[last].To));
            }

            first = last + 1;
        }

        return segments;
    }

    /// <summary>
    /// Two absences merge when the gap is within tolerance, neither is remote work (the phone is open
    /// and the person reachable), and the person didn't say "tillbaka" in between.
    /// </summary>
    private static bool Bridges(Piece earlier, Piece later, Instant? lastReturnAt, Duration mergeGap)
    {
        if (earlier.Referral.Reason == Reason.Remote || later.Referral.Reason == Reason.Remote)
        {
            return earlier.To == later.From && earlier.Referral.Reason == later.Referral.Reason;
        }

        var returnedInGap = lastReturnAt is { } back && earlier.To <= back && back < later.From;
        return later.From - earlier.To <= mergeGap && !returnedInGap;
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;

    /// <summary>A stretch of time with one winning referral, before merging.</summary>
    private readonly record struct Piece(Instant From, Instant To, Referral Referral);
}
