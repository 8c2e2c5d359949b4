using NodaTime;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Timeline;

namespace PresenceBot.Referrals.Coverage;

/// <summary>
/// <see cref="CoverageCalculator"/>'s sweep over one unit's phone hours. Every absence, clipped to a phone-hour interval,
/// is a start and an end event; in time order, the number of distinct people away between two event times is known
/// without rescanning anyone (rescanning every absence for every piece was quadratic per interval).
/// </summary>
/// <remarks>
/// Keeps its buffers from unit to unit: the coverage round sweeps every unit every minute, and issue 6 allows it 200 ms
/// for 500 units, so it should not allocate them afresh each time. Not thread-safe; one per round.
/// </remarks>
internal sealed class CoverageSweep
{
    private readonly Dictionary<string, int> _personIndex = new(StringComparer.Ordinal);
    private readonly List<Absence> _absences = [];
    private readonly GapUnderway _gap = new();
    private SweepEvent[] _starts = [];
    private SweepEvent[] _ends = [];
    private SweepEvent[] _opening = [];
    private int[] _awayCount = [];
    private bool[] _isAway = [];

    /// <summary>Adds the unit's gaps within <paramref name="phoneHours"/> (ordered and disjoint) to <paramref name="gaps"/>.</summary>
    public void AddGaps(Unit unit, IReadOnlyList<MemberTimeline> members, IReadOnlyList<Interval> phoneHours, List<CoverageGap> gaps)
    {
        if (phoneHours.Count == 0)
        {
            return;
        }

        var peopleCount = CollectAbsences(members, phoneHours);
        var count = _absences.Count;
        Grow(ref _awayCount, peopleCount);
        Grow(ref _isAway, count);
        _gap.Prepare(peopleCount);

        // The intervals are ordered and disjoint, so events in time order are in interval order too, and no event of a
        // later interval falls before the end of an earlier one.
        var starts = Events(ref _starts, static a => a.From);
        var ends = Events(ref _ends, static a => a.To);
        var awayPeople = 0;
        var (s, e) = (0, 0);
        foreach (var hours in phoneHours)
        {
            var firstStartOfInterval = s;
            var t = hours.Start;
            while (true)
            {
                // Everything that changes at t changes before the piece from t is judged; the order within t is irrelevant.
                for (; e < ends.Length && ends[e].Time == t; e++)
                {
                    _isAway[ends[e].Absence] = false;
                    awayPeople -= --_awayCount[_absences[ends[e].Absence].PersonIndex] == 0 ? 1 : 0;
                }

                if (t == hours.End)
                {
                    break;
                }

                var firstStartAtT = s;
                for (; s < starts.Length && starts[s].Time == t; s++)
                {
                    _isAway[starts[s].Absence] = true;
                    awayPeople += _awayCount[_absences[starts[s].Absence].PersonIndex]++ == 0 ? 1 : 0;
                }

                var next = hours.End;
                if (e < ends.Length && ends[e].Time < next)
                {
                    next = ends[e].Time;
                }

                if (s < starts.Length && starts[s].Time < next)
                {
                    next = starts[s].Time;
                }

                var reachable = members.Count - awayPeople;
                if (reachable >= unit.MinimumStaffed)
                {
                    _gap.Close(unit, gaps);
                }
                else if (_gap.IsOpen)
                {
                    // Who was away earlier in this gap was noted then; only who went away at t is new.
                    _gap.Extend(next, reachable);
                    NoteAway(starts[firstStartAtT..s]);
                }
                else
                {
                    _gap.Open(t, next, reachable);
                    NoteAway(InMemberOrder(starts[firstStartOfInterval..s]));
                }

                t = next;
            }

            _gap.Close(unit, gaps);
        }
    }

    /// <summary>
    /// The unreachable segments clipped to each phone-hour interval they overlap, in member and segment order; returns
    /// how many distinct people (by id) the members are.
    /// </summary>
    private int CollectAbsences(IReadOnlyList<MemberTimeline> members, IReadOnlyList<Interval> phoneHours)
    {
        _personIndex.Clear();
        _absences.Clear();
        foreach (var member in members)
        {
            if (!_personIndex.TryGetValue(member.Person.Id, out var index))
            {
                index = _personIndex.Count;
                _personIndex.Add(member.Person.Id, index);
            }

            foreach (var segment in member.Segments)
            {
                if (!CoverageCalculator.IsUnreachable(segment))
                {
                    continue;
                }

                for (var j = FirstEndingAfter(phoneHours, segment.From); j < phoneHours.Count && phoneHours[j].Start < segment.To; j++)
                {
                    var from = segment.From > phoneHours[j].Start ? segment.From : phoneHours[j].Start;
                    var to = segment.To < phoneHours[j].End ? segment.To : phoneHours[j].End;
                    if (from < to)
                    {
                        _absences.Add(new Absence(index, member.Person, segment, from, to));
                    }
                }
            }
        }

        return _personIndex.Count;
    }

    /// <summary>Each absence's <paramref name="time"/>, in time order and, at the same time, member order.</summary>
    private Span<SweepEvent> Events(ref SweepEvent[] buffer, Func<Absence, Instant> time)
    {
        Grow(ref buffer, _absences.Count);
        var events = buffer.AsSpan(0, _absences.Count);
        for (var k = 0; k < events.Length; k++)
        {
            events[k] = new SweepEvent(time(_absences[k]), k);
        }

        events.Sort();
        return events;
    }

    private Span<SweepEvent> InMemberOrder(Span<SweepEvent> started)
    {
        Grow(ref _opening, started.Length);
        var events = _opening.AsSpan(0, started.Length);
        started.CopyTo(events);
        events.Sort(static (x, y) => x.Absence.CompareTo(y.Absence));
        return events;
    }

    private void NoteAway(Span<SweepEvent> events)
    {
        foreach (var (_, k) in events)
        {
            if (_isAway[k])
            {
                var absence = _absences[k];
                _gap.Note(absence.PersonIndex, absence.Person, absence.Segment);
            }
        }
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

    /// <summary>At least <paramref name="length"/> long; the sweep leaves every element at its default, so no clearing.</summary>
    private static void Grow<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new T[Math.Max(length, 2 * buffer.Length)];
        }
    }

    /// <summary>An unreachable segment clipped to one phone-hour interval.</summary>
    private readonly record struct Absence(int PersonIndex, Person Person, TimelineSegment Segment, Instant From, Instant To);

    /// <summary>An absence starting or ending: ordered by time, then member order (a plain comparison, no delegate).</summary>
    private readonly record struct SweepEvent(Instant Time, int Absence) : IComparable<SweepEvent>
    {
        public int CompareTo(SweepEvent other)
        {
            var c = Time.CompareTo(other.Time);
            return c != 0 ? c : Absence.CompareTo(other.Absence);
        }
    }
}
