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

        var absences = members
            .SelectMany(m => m.Segments.Where(IsUnreachable).Select(s => (m.Person, Segment: s)))
            .ToList();
        var gaps = new List<CoverageGap>();
        foreach (var hours in phoneHours)
        {
            gaps.AddRange(GapsWithin(unit, members.Count, absences, hours));
        }

        return gaps;
    }

    /// <summary>Closed phone, and not remote work (someone working remotely answers even if a booking says otherwise).</summary>
    public static bool IsUnreachable(TimelineSegment segment) =>
        segment.Referral is { Phone: PhoneState.Closed } referral && referral.Reason != Reason.Remote;

    private static List<CoverageGap> GapsWithin(
        Unit unit, int memberCount, List<(Person Person, TimelineSegment Segment)> absences, Interval hours)
    {
        var relevant = absences.Where(a => a.Segment.From < hours.End && a.Segment.To > hours.Start).ToList();
        var cuts = relevant
            .SelectMany(a => new[] { a.Segment.From, a.Segment.To })
            .Where(t => t > hours.Start && t < hours.End)
            .Append(hours.Start)
            .Append(hours.End)
            .Distinct()
            .Order()
            .ToList();

        var gaps = new List<CoverageGap>();
        (Instant From, Instant To, int Reachable, List<(Person Person, TimelineSegment Segment)> Away)? open = null;
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var (from, to) = (cuts[i], cuts[i + 1]);
            var away = relevant.Where(a => a.Segment.From <= from && to <= a.Segment.To).ToList();
            var reachable = memberCount - away.Select(a => a.Person.Id).Distinct().Count();
            if (reachable >= unit.MinimumStaffed)
            {
                Close(unit, gaps, ref open);
                continue;
            }

            // Adjacent short-staffed pieces are one gap: a manager needs "10.00–12.00", not two halves.
            open = open is { } current
                ? (current.From, to, Math.Min(current.Reachable, reachable), current.Away.Concat(away).ToList())
                : (from, to, reachable, away);
        }

        Close(unit, gaps, ref open);
        return gaps;
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
