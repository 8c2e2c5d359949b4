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
        var result = new List<TimelineSegment>();
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

            var to = Min(segment.To, window.End);
            result.Add(segment with { From = from, To = to });
            cursor = to;
        }

        if (cursor < window.End)
        {
            result.Add(TimelineSegment.Available(cursor, window.End));
        }

        return result;
    }

    /// <summary>What is in force at one instant, or null when the person is available.</summary>
    public static TimelineSegment? At(IEnumerable<Referral> referrals, Instant? lastReturnAt, Duration mergeGap, Instant instant) =>
        Referred(referrals, lastReturnAt, mergeGap).FirstOrDefault(s => s.Contains(instant));

    /// <summary>Only the referred segments, in order, merged and gap-filled.</summary>
    public static IReadOnlyList<TimelineSegment> Referred(IEnumerable<Referral> referrals, Instant? lastReturnAt, Duration mergeGap)
    {
        var active = referrals.Where(r => r.EffectiveEnd > r.Start).ToList();
        if (active.Count == 0)
        {
            return [];
        }

        return MergeBackToBack(Winners(active), lastReturnAt, mergeGap);
    }

    /// <summary>Splits time at every start and end and keeps, for each piece, the referral that wins there.</summary>
    private static List<(Instant From, Instant To, Referral Referral)> Winners(List<Referral> active)
    {
        // Plain loops, no LINQ: the coverage round runs this for every person every minute (issue 6's 200 ms budget).
        var ends = new Instant[active.Count];
        var boundaries = new List<Instant>(active.Count * 2);
        for (var k = 0; k < active.Count; k++)
        {
            ends[k] = active[k].EffectiveEnd;
            boundaries.Add(active[k].Start);
            boundaries.Add(ends[k]);
        }

        boundaries.Sort();
        var pieces = new List<(Instant From, Instant To, Referral Referral)>();
        for (var i = 0; i + 1 < boundaries.Count; i++)
        {
            var (from, to) = (boundaries[i], boundaries[i + 1]);
            if (from == to)
            {
                continue;
            }

            Referral? winner = null;
            for (var k = 0; k < active.Count; k++)
            {
                var candidate = active[k];
                if (candidate.Start <= from && to <= ends[k] && (winner is null || Precedes(candidate, winner)))
                {
                    winner = candidate;
                }
            }

            if (winner is null)
            {
                continue;
            }

            if (pieces.Count > 0 && pieces[^1].Referral == winner && pieces[^1].To == from)
            {
                pieces[^1] = (pieces[^1].From, to, winner);
            }
            else
            {
                pieces.Add((from, to, winner));
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

    private static List<TimelineSegment> MergeBackToBack(
        List<(Instant From, Instant To, Referral Referral)> pieces, Instant? lastReturnAt, Duration mergeGap)
    {
        var segments = new List<TimelineSegment>(pieces.Count);
        var chainStartIndex = 0;
        for (var i = 0; i < pieces.Count; i++)
        {
            if (i > 0 && !Bridges(pieces[i - 1], pieces[i], lastReturnAt, mergeGap))
            {
                chainStartIndex = i;
            }

            var piece = pieces[i];
            segments.Add(new TimelineSegment(piece.From, piece.To, piece.Referral, pieces[chainStartIndex].From, piece.To));
            if (i + 1 == pieces.Count || !Bridges(piece, pieces[i + 1], lastReturnAt, mergeGap))
            {
                CloseChain(segments, chainStartIndex, piece.To);
            }
        }

        return segments;
    }

    /// <summary>
    /// Two absences merge when the gap is within tolerance, neither is remote work (the phone is open
    /// and the person reachable), and the person didn't say "tillbaka" in between.
    /// </summary>
    private static bool Bridges(
        (Instant From, Instant To, Referral Referral) earlier,
        (Instant From, Instant To, Referral Referral) later,
        Instant? lastReturnAt,
        Duration mergeGap)
    {
        if (earlier.Referral.Reason == Reason.Remote || later.Referral.Reason == Reason.Remote)
        {
            return earlier.To == later.From && earlier.Referral.Reason == later.Referral.Reason;
        }

        var returnedInGap = lastReturnAt is { } back && earlier.To <= back && back < later.From;
        return later.From - earlier.To <= mergeGap && !returnedInGap;
    }

    /// <summary>Fills the gaps inside a chain with the earlier reason and gives every piece the chain's final return.</summary>
    private static void CloseChain(List<TimelineSegment> segments, int chainStartIndex, Instant chainEnd)
    {
        for (var j = chainStartIndex; j < segments.Count; j++)
        {
            var to = j + 1 < segments.Count ? segments[j + 1].From : segments[j].To;
            segments[j] = segments[j] with { To = to, ReturnsAt = chainEnd };
        }
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;
}
