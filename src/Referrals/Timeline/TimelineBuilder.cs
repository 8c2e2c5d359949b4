using NodaTime;
using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Referrals.Timeline;

/// <summary>
/// The work behind <see cref="ReferralTimeline"/>, keeping its scratch buffers from one person to the next: the coverage
/// round computes 10,000 timelines every minute (issue 6), fresh scratch lists per person were half of what it
/// allocated, and every collection that garbage set off also copied the timelines built so far.
/// </summary>
/// <remarks>Not thread-safe: one per batch. What it returns is new, and never touched again by the builder.</remarks>
internal sealed class TimelineBuilder
{
    private readonly List<Referral> _active = [];
    private readonly List<Instant> _ends = [];
    private readonly List<Piece> _pieces = [];
    private readonly List<TimelineSegment> _referred = [];
    private readonly List<TimelineSegment> _window = [];
    private Instant[] _boundaries = [];
    private int[] _winners = [];

    /// <inheritdoc cref="ReferralTimeline.Compute"/>
    public IReadOnlyList<TimelineSegment> Compute(IEnumerable<Referral> referrals, Instant? lastReturnAt, Duration mergeGap, Interval window)
    {
        Build(referrals, lastReturnAt, mergeGap);
        _window.Clear();
        var cursor = window.Start;
        foreach (var segment in _referred)
        {
            if (segment.To <= window.Start || segment.From >= window.End)
            {
                continue;
            }

            var from = Max(segment.From, window.Start);
            if (from > cursor)
            {
                _window.Add(TimelineSegment.Available(cursor, from));
            }

            // Segments are immutable: one that lies inside the window is kept as it is, not copied.
            var to = Min(segment.To, window.End);
            _window.Add(from == segment.From && to == segment.To ? segment : segment with { From = from, To = to });
            cursor = to;
        }

        if (cursor < window.End)
        {
            _window.Add(TimelineSegment.Available(cursor, window.End));
        }

        return _window.ToArray();
    }

    /// <inheritdoc cref="ReferralTimeline.At"/>
    public TimelineSegment? At(IEnumerable<Referral> referrals, Instant? lastReturnAt, Duration mergeGap, Instant instant)
    {
        Build(referrals, lastReturnAt, mergeGap);
        foreach (var segment in _referred)
        {
            if (segment.Contains(instant))
            {
                return segment;
            }
        }

        return null;
    }

    /// <inheritdoc cref="ReferralTimeline.Referred"/>
    public IReadOnlyList<TimelineSegment> Referred(IEnumerable<Referral> referrals, Instant? lastReturnAt, Duration mergeGap)
    {
        Build(referrals, lastReturnAt, mergeGap);
        return _referred.ToArray();
    }

    /// <summary>Fills <see cref="_referred"/> with the referred segments, in order, merged and gap-filled.</summary>
    private void Build(IEnumerable<Referral> referrals, Instant? lastReturnAt, Duration mergeGap)
    {
        ArgumentNullException.ThrowIfNull(referrals);
        _active.Clear();
        _ends.Clear();
        _pieces.Clear();
        _referred.Clear();
        // Indexed when it can be: an enumerator through the interface costs more than the rest of this loop.
        if (referrals is IReadOnlyList<Referral> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                AddIfActive(list[i]);
            }
        }
        else
        {
            foreach (var referral in referrals)
            {
                AddIfActive(referral);
            }
        }

        if (_active.Count > 0)
        {
            FindWinners();
            MergeBackToBack(lastReturnAt, mergeGap);
        }
    }

    /// <summary>A referral ended before it began ("tillbaka" at once) is never in force.</summary>
    private void AddIfActive(Referral referral)
    {
        var end = referral.EffectiveEnd;
        if (end > referral.Start)
        {
            _active.Add(referral);
            _ends.Add(end);
        }
    }

    /// <summary>Splits time at every start and end and keeps in <see cref="_pieces"/>, for each piece, the referral that wins there.</summary>
    /// <remarks>
    /// A referral covers exactly the pieces between its own start and end boundary, so it is offered those alone, in list
    /// order as a scan of every referral for every piece would (quadratic per person) — so the first of equals still wins.
    /// </remarks>
    private void FindWinners()
    {
        ScratchBuffer.Grow(ref _boundaries, 2 * _active.Count);
        for (var k = 0; k < _active.Count; k++)
        {
            _boundaries[2 * k] = _active[k].Start;
            _boundaries[(2 * k) + 1] = _ends[k];
        }

        var boundaries = _boundaries.AsSpan(0, 2 * _active.Count);
        boundaries.Sort();
        var distinct = 1;
        for (var i = 1; i < boundaries.Length; i++)
        {
            if (boundaries[i] != boundaries[distinct - 1])
            {
                boundaries[distinct++] = boundaries[i];
            }
        }

        boundaries = boundaries[..distinct];

        // winners[i] is the index of the referral that wins between boundaries i and i + 1, or -1.
        ScratchBuffer.Grow(ref _winners, distinct - 1);
        var winners = _winners.AsSpan(0, distinct - 1);
        winners.Fill(-1);
        for (var k = 0; k < _active.Count; k++)
        {
            var last = boundaries.BinarySearch(_ends[k]);
            for (var i = boundaries.BinarySearch(_active[k].Start); i < last; i++)
            {
                if (winners[i] < 0 || Precedes(_active[k], _active[winners[i]]))
                {
                    winners[i] = k;
                }
            }
        }

        for (var i = 0; i < winners.Length; i++)
        {
            if (winners[i] < 0)
            {
                continue;
            }

            var (from, to, winner) = (boundaries[i], boundaries[i + 1], _active[winners[i]]);
            if (_pieces.Count > 0 && _pieces[^1].Referral == winner && _pieces[^1].To == from)
            {
                _pieces[^1] = _pieces[^1] with { To = to };
            }
            else
            {
                _pieces.Add(new Piece(from, to, winner));
            }
        }
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
    private void MergeBackToBack(Instant? lastReturnAt, Duration mergeGap)
    {
        for (var first = 0; first < _pieces.Count;)
        {
            var last = first;
            while (last + 1 < _pieces.Count && Bridges(_pieces[last], _pieces[last + 1], lastReturnAt, mergeGap))
            {
                last++;
            }

            for (var i = first; i <= last; i++)
            {
                var to = i < last ? _pieces[i + 1].From : _pieces[i].To;
                _referred.Add(new TimelineSegment(_pieces[i].From, to, _pieces[i].Referral, _pieces[first].From, _pieces[last].To));
            }

            first = last + 1;
        }
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
