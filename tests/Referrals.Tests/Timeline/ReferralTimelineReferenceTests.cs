using NodaTime;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Timeline;
using static PresenceBot.Referrals.Tests.WorkingTime.TestCalendars;

namespace PresenceBot.Referrals.Tests.Timeline;

/// <summary>
/// The timeline engine is tuned for issue 6's budget (every person, every minute); this checks it against the plainest
/// reading of rules 3 and 7 — who wins each minute on its own — over randomized referrals (fixed seed, so a failure
/// names a case that can be replayed).
/// </summary>
public sealed class ReferralTimelineReferenceTests
{
    private const int Cases = 300;
    private static readonly Duration Minute = Duration.FromMinutes(1);
    private static readonly Instant Tuesday = Local("2026-11-24T00:00:00");
    private static readonly Reason[] Reasons = Enum.GetValues<Reason>();
    private static readonly ReferralSource[] Sources = Enum.GetValues<ReferralSource>();

    /// <summary>Also through one builder for all cases, as the coverage round uses one for everybody: nothing may carry over.</summary>
    [Fact]
    public void ReferredComputeAndAt_RandomReferrals_MatchMinuteByMinuteReading()
    {
        var random = new Random(3);
        var shared = new TimelineBuilder();
        for (var n = 0; n < Cases; n++)
        {
            var referrals = RandomReferrals(random);
            Instant? lastReturnAt = random.Next(3) == 0 ? Tuesday + Duration.FromMinutes(15 * random.Next(0, 4 * 48)) : null;
            var mergeGap = Duration.FromMinutes(new[] { 0, 15, 30 }[random.Next(3)]);
            var window = new Interval(Tuesday + Duration.FromMinutes(random.Next(0, 36 * 60)), Tuesday + Duration.FromMinutes(random.Next(36 * 60, 50 * 60)));
            var expected = MinuteByMinute(referrals, lastReturnAt, mergeGap);

            AssertSame(n, "Referred", expected, ReferralTimeline.Referred(referrals, lastReturnAt, mergeGap));
            AssertSame(n, "Compute", Clipped(expected, window), ReferralTimeline.Compute(referrals, lastReturnAt, mergeGap, window));
            AssertSame(n, "Compute by a builder used for every case", Clipped(expected, window), shared.Compute(referrals, lastReturnAt, mergeGap, window));
            var instant = Tuesday + Duration.FromMinutes(random.Next(0, 48 * 60));
            var at = ReferralTimeline.At(referrals, lastReturnAt, mergeGap, instant);
            AssertSame(n, $"At {instant}", expected.Where(s => s.Contains(instant)).ToList(), at is null ? [] : [at]);
        }
    }

    /// <summary>
    /// Each minute's winner among the referrals in force (manual over calendar, then later start, later return, larger
    /// id; the first of equals); runs of one winner; neighbouring runs chained when rule 3 bridges them, the holes of a
    /// chain filled with the earlier run, and every run of a chain returning when the chain ends.
    /// </summary>
    private static List<TimelineSegment> MinuteByMinute(List<Referral> referrals, Instant? lastReturnAt, Duration mergeGap)
    {
        var active = referrals.Where(r => r.EffectiveEnd > r.Start).ToList();
        var runs = new List<(Instant From, Instant To, Referral Referral)>();
        if (active.Count == 0)
        {
            return [];
        }

        for (var t = active.Min(r => r.Start); t < active.Max(r => r.EffectiveEnd); t += Minute)
        {
            var winner = active.Where(r => r.Start <= t && t + Minute <= r.EffectiveEnd)
                .Aggregate((Referral?)null, (best, r) => best is null || Rank(r).CompareTo(Rank(best)) > 0 ? r : best);
            if (winner is null)
            {
                continue;
            }

            if (runs.Count > 0 && runs[^1].To == t && runs[^1].Referral == winner)
            {
                runs[^1] = (runs[^1].From, t + Minute, winner);
            }
            else
            {
                runs.Add((t, t + Minute, winner));
            }
        }

        var segments = new List<TimelineSegment>();
        for (var first = 0; first < runs.Count;)
        {
            var last = first;
            while (last + 1 < runs.Count && Bridged(runs[last], runs[last + 1], lastReturnAt, mergeGap))
            {
                last++;
            }

            for (var j = first; j <= last; j++)
            {
                segments.Add(new TimelineSegment(runs[j].From, j < last ? runs[j + 1].From : runs[j].To, runs[j].Referral, runs[first].From, runs[last].To));
            }

            first = last + 1;
        }

        return segments;
    }

    private static (bool, Instant, Instant, Guid) Rank(Referral r) => (r.OverridesCalendar, r.Start, r.ReturnsAt, r.Id);

    /// <summary>Rule 3: at most the merge gap apart, no "tillbaka" between; remote work only joins remote work it touches.</summary>
    private static bool Bridged((Instant From, Instant To, Referral Referral) a, (Instant From, Instant To, Referral Referral) b, Instant? back, Duration mergeGap) =>
        a.Referral.Reason == Reason.Remote || b.Referral.Reason == Reason.Remote
            ? a.To == b.From && a.Referral.Reason == b.Referral.Reason
            : b.From - a.To <= mergeGap && !(back is { } tillbaka && a.To <= tillbaka && tillbaka < b.From);

    /// <summary>The window without holes: the segments cut to it, available time between.</summary>
    private static List<TimelineSegment> Clipped(List<TimelineSegment> referred, Interval window)
    {
        var result = new List<TimelineSegment>();
        var cursor = window.Start;
        foreach (var s in referred.Where(s => s.To > window.Start && s.From < window.End))
        {
            var from = s.From > window.Start ? s.From : window.Start;
            if (from > cursor)
            {
                result.Add(TimelineSegment.Available(cursor, from));
            }

            cursor = s.To < window.End ? s.To : window.End;
            result.Add(s with { From = from, To = cursor });
        }

        if (cursor < window.End)
        {
            result.Add(TimelineSegment.Available(cursor, window.End));
        }

        return result;
    }

    private static void AssertSame(int n, string what, IReadOnlyList<TimelineSegment> expected, IReadOnlyList<TimelineSegment> actual) =>
        Assert.True(expected.SequenceEqual(actual), $"case {n}, {what}: expected\n{string.Join('\n', expected)}\nbut got\n{string.Join('\n', actual)}");

    /// <summary>
    /// Up to 25 referrals over two days: on the quarter hour or any minute, manual over calendar, some ended early
    /// ("tillbaka", even before they began), some remote, and sometimes the same referral twice, two that differ only by
    /// id, or two with one id (a tie that only list order breaks).
    /// </summary>
    private static List<Referral> RandomReferrals(Random random)
    {
        var step = random.Next(2) == 0 ? 15 : 1;
        var referrals = new List<Referral>();
        for (var k = random.Next(0, 26); k > 0; k--)
        {
            var start = Tuesday + Duration.FromMinutes(step * random.Next(0, 48 * 60 / step));
            var end = start + Duration.FromMinutes(step * random.Next(1, 8 * 60 / step));
            Instant? endedAt = random.Next(5) == 0 ? start + Duration.FromMinutes(step * random.Next(-4, 8 * 60 / step)) : null;
            var reason = random.Next(6) == 0 ? Reason.Remote : Reasons[random.Next(Reasons.Length)];
            var referral = new Referral(
                RandomGuid(random), "kim", reason, start, end, ReasonCatalog.DefaultPhone(reason), Sources[random.Next(Sources.Length)], endedAt: endedAt);
            referrals.Add(referral);
            if (random.Next(10) == 0)
            {
                referrals.Add(random.Next(3) switch
                {
                    0 => referral,
                    1 => referral with { Id = RandomGuid(random) },
                    _ => referral with { Reason = Reasons[random.Next(Reasons.Length)] },
                });
            }
        }

        return referrals;
    }

    private static Guid RandomGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
