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

    /// <summary>The absences of each phone-hour interval, in member and segment order.</summary>
    private readonly List<List<Absence>> _absences = [];

    private readonly GapUnderway _gap = new();
    private SweepEvent[] _starts = [];
    private SweepEvent[] _ends = [];
    // Per person and per absence. Every absence ends by its interval's end, so between intervals these are all zero and
    // false again, and a kept buffer needs no clearing.
    private int[] _awayCount = [];
    private bool[] _isAway = [];

    /// <summary>Adds the unit's gaps within <paramref name="phoneHours"/> (ordered and disjoint) to <paramref name="gaps"/>.</summary>
    public void AddGaps(Unit unit, IReadOnlyList<MemberTimeline> members, Interval[] phoneHours, List<CoverageGap> gaps)
    {
        if (phoneHours.Length == 0)
        {
            return;
        }

        var peopleCount = CollectAbsences(members, phoneHours);
        ScratchBuffer.Grow(ref _awayCount, peopleCount);
        _gap.Prepare(peopleCount);
        for (var j = 0; j < phoneHours.Length; j++)
        {
            Sweep(unit, members.Count, phoneHours[j], _absences[j], gaps);
        }
    }

    /// <summary>
    /// Sorts each absence into the phone-hour intervals it overlaps, clipped to them; returns how many distinct people
    /// (by id) the members are.
    /// </summary>
    private int CollectAbsences(IReadOnlyList<MemberTimeline> members, Interval[] phoneHours)
    {
        _personIndex.Clear();
        for (var j = 0; j < phoneHours.Length; j++)
        {
            if (j == _absences.Count)
            {
                _absences.Add([]);
            }

            _absences[j].Clear();
        }

        foreach (var member in members)
        {
            if (!_personIndex.TryGetValue(member.Person.Id, out var index))
            {
                index = _personIndex.Count;
                _personIndex.Add(member.Person.Id, index);
            }

            // Indexed, not foreach: an enumerator through the interface costs more than the rest of this loop.
            var segments = member.Segments;
            for (var i = 0; i < segments.Count; i++)
            {
                var segment = segments[i];
                if (!CoverageCalculator.IsUnreachable(segment))
                {
                    continue;
                }

                for (var j = FirstEndingAfter(phoneHours, segment.From); j < phoneHours.Length && phoneHours[j].Start < segment.To; j++)
                {
                    var from = segment.From > phoneHours[j].Start ? segment.From : phoneHours[j].Start;
                    var to = segment.To < phoneHours[j].End ? segment.To : phoneHours[j].End;
                    if (from < to)
                    {
                        _absences[j].Add(new Absence(index, member.Person, segment, from, to));
                    }
                }
            }
        }

        return _personIndex.Count;
    }

    /// <summary>The gaps of one phone-hour interval; every absence starts and ends within it.</summary>
    private void Sweep(Unit unit, int memberCount, Interval hours, List<Absence> absences, List<CoverageGap> gaps)
    {
        ScratchBuffer.Grow(ref _isAway, absences.Count);
        var starts = Events(ref _starts, absences, hours.Start, static a => a.From);
        var ends = Events(ref _ends, absences, hours.Start, static a => a.To);
        var length = Offset(hours.Start, hours.End);
        var awayPeople = 0;
        var (s, e, t) = (0, 0, 0L);
        while (true)
        {
            // Everything that changes at t changes before the piece from t is judged; the order within t is irrelevant.
            for (; e < ends.Length && ends[e].Offset == t; e++)
            {
                _isAway[ends[e].Absence] = false;
                awayPeople -= --_awayCount[absences[ends[e].Absence].PersonIndex] == 0 ? 1 : 0;
            }

            if (t == length)
            {
                break;
            }

            var firstStartAtT = s;
            for (; s < starts.Length && starts[s].Offset == t; s++)
            {
                _isAway[starts[s].Absence] = true;
                awayPeople += _awayCount[absences[starts[s].Absence].PersonIndex]++ == 0 ? 1 : 0;
            }

            var next = Math.Min(e < ends.Length ? ends[e].Offset : length, s < starts.Length ? starts[s].Offset : length);
            var reachable = memberCount - awayPeople;
            if (reachable >= unit.MinimumStaffed)
            {
                _gap.Close(unit, gaps);
            }
            else if (_gap.IsOpen)
            {
                // Who was away earlier in this gap was noted then; only who went away at t is new.
                _gap.Extend(At(hours, next), reachable);
                foreach (var started in starts[firstStartAtT..s])
                {
                    NoteIfAway(absences, started.Absence);
                }
            }
            else
            {
                // Everyone away now, in member order: the interval's absences are in that order already.
                _gap.Open(At(hours, t), At(hours, next), reachable);
                for (var k = 0; k < absences.Count; k++)
                {
                    NoteIfAway(absences, k);
                }
            }

            t = next;
        }

        _gap.Close(unit, gaps);
    }

    /// <summary>Each absence's <paramref name="time"/>, in time order and, at the same time, member order.</summary>
    private static Span<SweepEvent> Events(ref SweepEvent[] buffer, List<Absence> absences, Instant origin, Func<Absence, Instant> time)
    {
        ScratchBuffer.Grow(ref buffer, absences.Count);
        var events = buffer.AsSpan(0, absences.Count);
        for (var k = 0; k < events.Length; k++)
        {
            events[k] = new SweepEvent(Offset(origin, time(absences[k])), k);
        }

        events.Sort();
        return events;
    }

    private void NoteIfAway(List<Absence> absences, int k)
    {
        if (_isAway[k])
        {
            var absence = absences[k];
            _gap.Note(absence.PersonIndex, absence.Person, absence.Segment);
        }
    }

    /// <summary>Index of the first interval (ordered, disjoint) ending after <paramref name="t"/>.</summary>
    private static int FirstEndingAfter(Interval[] ordered, Instant t)
    {
        var (lo, hi) = (0, ordered.Length);
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

    /// <summary>
    /// Nanoseconds from the start of a phone-hour interval. An interval lies within one day, so this is exact and fits a
    /// long, and events sort on one number instead of an instant's two.
    /// </summary>
    private static long Offset(Instant origin, Instant t) => (t - origin).ToInt64Nanoseconds();

    private static Instant At(Interval hours, long offset) => hours.Start + Duration.FromNanoseconds(offset);

    /// <summary>An unreachable segment clipped to one phone-hour interval.</summary>
    private readonly record struct Absence(int PersonIndex, Person Person, TimelineSegment Segment, Instant From, Instant To);

    /// <summary>An absence starting or ending, <see cref="Offset"/> into its interval: ordered by time, then member order.</summary>
    private readonly record struct SweepEvent(long Offset, int Absence) : IComparable<SweepEvent>
    {
        public int CompareTo(SweepEvent other)
        {
            var c = Offset.CompareTo(other.Offset);
            return c != 0 ? c : Absence.CompareTo(other.Absence);
        }
    }
}
