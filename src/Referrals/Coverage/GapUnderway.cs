using NodaTime;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Timeline;

namespace PresenceBot.Referrals.Coverage;

/// <summary>
/// The short-staffed stretch <see cref="CoverageCalculator"/>'s sweep is inside. Adjacent short-staffed pieces are one
/// gap (a manager needs "10.00–12.00", not two halves), with the fewest reachable of any piece. Each person away in it is
/// shown with the absence of theirs that ends last; on a tie, the one noted first.
/// </summary>
/// <remarks>Reused gap after gap and unit after unit, like the sweep's other buffers.</remarks>
internal sealed class GapUnderway
{
    private readonly List<(int PersonIndex, Person Person, TimelineSegment Segment)> _away = [];
    private readonly List<(AwayMember Member, int Noted)> _shown = [];

    /// <summary>Per person (by index), where their entry is in <see cref="_away"/>, or -1.</summary>
    private int[] _slotOfPerson = [];

    private Instant _from;
    private Instant _to;
    private int _reachable;

    public bool IsOpen { get; private set; }

    /// <summary>Makes room for people indexed 0 to <paramref name="peopleCount"/> − 1.</summary>
    public void Prepare(int peopleCount)
    {
        if (_slotOfPerson.Length < peopleCount)
        {
            ScratchBuffer.Grow(ref _slotOfPerson, peopleCount);
            Array.Fill(_slotOfPerson, -1);
        }
    }

    public void Open(Instant from, Instant to, int reachable)
    {
        (_from, _to, _reachable, IsOpen) = (from, to, reachable, true);
    }

    public void Extend(Instant to, int reachable)
    {
        _to = to;
        _reachable = Math.Min(_reachable, reachable);
    }

    /// <summary>Someone is away in the gap; call in the order they become away (then member order), so ties keep the first.</summary>
    public void Note(int personIndex, Person person, TimelineSegment segment)
    {
        var slot = _slotOfPerson[personIndex];
        if (slot < 0)
        {
            _slotOfPerson[personIndex] = _away.Count;
            _away.Add((personIndex, person, segment));
        }
        else if (segment.To > _away[slot].Segment.To)
        {
            _away[slot] = (personIndex, person, segment);
        }
    }

    /// <summary>Adds the gap to <paramref name="gaps"/> if one is open, and starts afresh.</summary>
    public void Close(Unit unit, List<CoverageGap> gaps)
    {
        if (!IsOpen)
        {
            return;
        }

        // Earliest return first, then by name, then in the order noted (as a stable sort on the first two would leave them).
        _shown.Clear();
        for (var i = 0; i < _away.Count; i++)
        {
            var (_, person, segment) = _away[i];
            _shown.Add((new AwayMember(person, ReasonCatalog.Phrase(segment.Referral!.Reason), segment.ReturnsAt), i));
        }

        _shown.Sort(static (x, y) =>
        {
            var c = x.Member.ReturnsAt.CompareTo(y.Member.ReturnsAt);
            c = c != 0 ? c : string.CompareOrdinal(x.Member.Person.Name, y.Member.Person.Name);
            return c != 0 ? c : x.Noted.CompareTo(y.Noted);
        });
        var away = new AwayMember[_shown.Count];
        for (var i = 0; i < away.Length; i++)
        {
            away[i] = _shown[i].Member;
        }

        gaps.Add(new CoverageGap(unit, new Interval(_from, _to), _reachable, away));
        foreach (var a in _away)
        {
            _slotOfPerson[a.PersonIndex] = -1;
        }

        _away.Clear();
        IsOpen = false;
    }
}
