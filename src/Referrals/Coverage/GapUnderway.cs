using NodaTime;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Timeline;

namespace PresenceBot.Referrals.Coverage;

/// <summary>
/// The short-staffed stretch <see cref="CoverageCalculator"/>'s sweep is inside. Adjacent short-staffed pieces are one
/// gap (a manager needs "10.00–12.00", not two halves), with the fewest reachable of any piece. Each person away in it is
/// shown with the absence that lasts longest; on a tie, the one noted first.
/// </summary>
/// <remarks>Reused gap after gap and unit after unit, like the sweep's other buffers.</remarks>
internal sealed class GapUnderway
{
    private readonly List<(int PersonIndex, Person Person, TimelineSegment Segment)> _away = [];

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
            _slotOfPerson = new int[Math.Max(peopleCount, 2 * _slotOfPerson.Length)];
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

        // Earliest return first, then by name; OrderBy is stable, so equal ones stay in the order they were noted.
        var away = _away
            .Select(a => new AwayMember(a.Person, ReasonCatalog.Phrase(a.Segment.Referral!.Reason), a.Segment.ReturnsAt))
            .OrderBy(a => a.ReturnsAt)
            .ThenBy(a => a.Person.Name, StringComparer.Ordinal)
            .ToList();
        gaps.Add(new CoverageGap(unit, new Interval(_from, _to), _reachable, away));
        foreach (var a in _away)
        {
            _slotOfPerson[a.PersonIndex] = -1;
        }

        _away.Clear();
        IsOpen = false;
    }
}
