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
        var phoneHours = PhoneHours.Within(unit, window, calendar);
        if (phoneHours.Count == 0)
        {
            return [];
        }

        // Each absence goes straight to the phone-hour intervals it overlaps (they are ordered and disjoint), in member
        // and segment order as before, instead of every interval scanning every absence of the window.
        var relevant = new List<(Person Person, TimelineSegment Segment)>[phoneHours.Count];
        for (var j = 0; j < relevant.Length; j++)
        {
            relevant[j] = [];
        }

        foreach (var member in members)
        {
            foreach (var segment in member.Segments)
            {
                if (!IsUnreachable(segment))
                {
                    continue;
                }

                for (var j = FirstEndingAfter(phoneHours, segment.From); j < phoneHours.Count && phoneHours[j].Start < segment.To; j++)
                {
                    relevant[j].Add((member.Person, segment));
                }
            }
        }

        var gaps = new List<CoverageGap>();
        for (var j = 0; j < phoneHours.Count; j++)
        {
            gaps.AddRange(GapsWithin(unit, members.Count, relevant[j], phoneHours[j]));
        }

        return gaps;
    }

    /// <summary>Closed phone, and not remote work (someone working remotely answers even if a booking says otherwise).</summary>
    public static bool IsUnreachable(TimelineSegment segment) =>
        segment.Referral is { Phone: PhoneState.Closed } referral && referral.Reason != Reason.Remote;

    private static List<CoverageGap> GapsWithin(
        Unit unit, int memberCount, List<(Person Person, TimelineSegment Segment)> relevant, Interval hours)
    {
        // Plain loops, no LINQ: this runs for every unit and day every minute (issue 6's 200 ms budget).
        var cuts = new List<Instant>(2 + (2 * relevant.Count)) { hours.Start, hours.End };
        foreach (var a in relevant)
        {
            AddCut(cuts, a.Segment.From, hours);
            AddCut(cuts, a.Segment.To, hours);
        }

        cuts.Sort();
        var gaps = new List<CoverageGap>();
        var awayIds = new HashSet<string>(StringComparer.Ordinal);
        var away = new List<(Person Person, TimelineSegment Segment)>();
        (Instant From, Instant To, int Reachable, List<(Person Person, TimelineSegment Segment)> Away)? open = null;
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var (from, to) = (cuts[i], cuts[i + 1]);
            if (from == to)
            {
                continue;
            }

            away.Clear();
            awayIds.Clear();
            foreach (var a in relevant)
            {
                if (a.Segment.From <= from && to <= a.Segment.To)
                {
                    away.Add(a);
                    awayIds.Add(a.Person.Id);
                }
            }

            var reachable = memberCount - awayIds.Count;
            if (reachable >= unit.MinimumStaffed)
            {
                Close(unit, gaps, ref open);
                continue;
            }

            // Adjacent short-staffed pieces are one gap: a manager needs "10.00–12.00", not two halves.
            // The open gap owns its list; extending it appends instead of copying the whole list per piece.
            if (open is { } current)
            {
                current.Away.AddRange(away);
                open = (current.From, to, Math.Min(current.Reachable, reachable), current.Away);
            }
            else
            {
                open = (from, to, reachable, [.. away]);
            }
        }

        Close(unit, gaps, ref open);
        return gaps;
    }

    /// <summary>Index of the first interval (ordered, disjoint) ending after <paramref name="t"/>.</summary>
    private static int FirstEndingAfter(IReadOnlyList<Interval> ordered, Instant t)
    {
        var (lo, hi) = (0, ordered.Count);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (ordered[mid].End > t)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    private static void AddCut(List<Instant> cuts, Instant t, Interval hours)
    {
        if (t > hours.Start && t < hours.End)
        {
            cuts.Add(t);
        }
    }

    private static void Close(
        Unit unit, List<CoverageGap> gaps, ref (Instant From, Instant To, int Reachable, List<(Person Person, TimelineSegment Segment)> Away)? open)
    {
        if (open is not { } gap)
        {
            return;
        }

        var away = gap.Away
            .GroupBy(a => a.Person.Id)
            .Select(g => g.MaxBy(a => a.Segment.To))
            .Select(a => new AwayMember(a.Person, ReasonCatalog.Phrase(a.Segment.Referral!.Reason), a.Segment.ReturnsAt))
            .OrderBy(a => a.ReturnsAt)
            .ThenBy(a => a.Person.Name, StringComparer.Ordinal)
            .ToList();
        gaps.Add(new CoverageGap(unit, new Interval(gap.From, gap.To), gap.Reachable, away));
        open = null;
    }
}
