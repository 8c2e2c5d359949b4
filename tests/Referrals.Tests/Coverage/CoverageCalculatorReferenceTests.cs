using NodaTime;
using PresenceBot.Referrals.Coverage;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Timeline;
using PresenceBot.Referrals.WorkingTime;
using OrganisationModel = PresenceBot.Referrals.Organisation.Organisation;
using static PresenceBot.Referrals.Tests.Coverage.CoverageFixtures;
using static PresenceBot.Referrals.Tests.WorkingTime.TestCalendars;

namespace PresenceBot.Referrals.Tests.Coverage;

/// <summary>
/// The calculator is a sweep tuned for issue 6's budget; this checks it against the plainest possible reading of the
/// rules — look at every minute of phone hours on its own — over randomized units and timelines (fixed seed, so a
/// failure names a case that can be replayed).
/// </summary>
public sealed class CoverageCalculatorReferenceTests
{
    private const int Cases = 400;
    private static readonly Duration Minute = Duration.FromMinutes(1);
    private static readonly Instant Monday = At("2026-11-23T00:00");
    // Namesakes, so that the order of people with the same return time and name is checked too.
    private static readonly string[] Names = ["Kim Krona", "Kim Krona", "Sara Nordin"];
    private static readonly Reason[] Reasons = Enum.GetValues<Reason>();

    [Fact]
    public void Gaps_RandomTimelines_MatchMinuteByMinuteReading()
    {
        var random = new Random(6);
        var calendar = OfficeHours("2026-11-26");
        for (var n = 0; n < Cases; n++)
        {
            var window = RandomWindow(random);
            var unit = RandomUnit(random);
            var members = RandomMembers(random, unit, window);

            var expected = MinuteByMinute(unit, members, window, calendar);
            var actual = CoverageCalculator.Gaps(unit, members, window, calendar);

            Assert.True(Describe(expected).SequenceEqual(Describe(actual)),
                $"case {n}: expected\n{string.Join('\n', Describe(expected))}\nbut got\n{string.Join('\n', Describe(actual))}");
        }
    }

    /// <summary>
    /// The round's entry point reuses one sweep's buffers from unit to unit and works out a shared schedule once:
    /// neither may leak anything from one unit into the next (a unit with no members is all gap, with nobody away).
    /// </summary>
    [Fact]
    public void GapsOfEveryUnit_RandomOrganisations_MatchMinuteByMinuteReadingOfEachUnit()
    {
        var random = new Random(500);
        var calendar = OfficeHours("2026-11-26");
        for (var n = 0; n < Cases / 10; n++)
        {
            var window = RandomWindow(random);
            var shared = RandomUnit(random).PhoneHours;
            var units = Enumerable.Range(0, random.Next(2, 9))
                .Select(u => RandomUnit(random) is var unit && random.Next(2) == 0 ? unit with { Id = $"u{u}", PhoneHours = shared } : unit with { Id = $"u{u}" })
                .ToList();
            var people = units
                .SelectMany(unit => Enumerable.Range(0, random.Next(4) == 0 ? 0 : unit.MinimumStaffed + random.Next(0, 3))
                    .Select(i => Person(unit, $"{unit.Id}-p{i}", Names[random.Next(Names.Length)])))
                .ToList();
            var timelines = people.ToDictionary(p => p.Id, p => ReferralTimeline.Compute(RandomReferrals(random, p, window), null, Duration.FromMinutes(15), window));
            var organisation = new OrganisationModel(
                Stockholm, calendar.WorkingHours, new HashSet<LocalDate>(), shared, new CalendarCouplingSettings(CalendarCoupling.Closed, Duration.FromMinutes(15)),
                [Lycksele], units, people);

            var expected = units.SelectMany(unit =>
                MinuteByMinute(unit, people.Where(p => p.Unit == unit).Select(p => new MemberTimeline(p, timelines[p.Id])).ToList(), window, calendar));
            var actual = CoverageCalculator.GapsOfEveryUnit(organisation, timelines, window, calendar);

            Assert.True(Describe(expected).SequenceEqual(Describe(actual)),
                $"case {n}: expected\n{string.Join('\n', Describe(expected))}\nbut got\n{string.Join('\n', Describe(actual))}");
        }
    }

    /// <summary>
    /// For each minute: the distinct people with a closed, non-remote segment covering it. Consecutive short-staffed
    /// minutes are one gap, with the fewest reachable; each person away in it is shown with the covering segment that
    /// ends last (the first seen on a tie), ordered by return time, then name, then first appearance.
    /// </summary>
    private static List<CoverageGap> MinuteByMinute(Unit unit, IReadOnlyList<MemberTimeline> members, Interval window, WorkingCalendar calendar)
    {
        var gaps = new List<CoverageGap>();
        foreach (var hours in PhoneHours.Within(unit, window, calendar))
        {
            (Instant From, Instant To, int Reachable, List<(Person Person, TimelineSegment Segment)> Away)? open = null;
            for (var t = hours.Start; t < hours.End; t += Minute)
            {
                var away = members
                    .SelectMany(m => m.Segments.Select(s => (m.Person, Segment: s)))
                    .Where(a => CoverageCalculator.IsUnreachable(a.Segment) && a.Segment.From <= t && t + Minute <= a.Segment.To)
                    .ToList();
                var reachable = members.Count - away.Select(a => a.Person.Id).Distinct().Count();
                if (reachable >= unit.MinimumStaffed)
                {
                    Close(unit, gaps, ref open);
                }
                else if (open is { } gap)
                {
                    gap.Away.AddRange(away);
                    open = (gap.From, t + Minute, Math.Min(gap.Reachable, reachable), gap.Away);
                }
                else
                {
                    open = (t, t + Minute, reachable, away);
                }
            }

            Close(unit, gaps, ref open);
        }

        return gaps;
    }

    private static void Close(Unit unit, List<CoverageGap> gaps, ref (Instant From, Instant To, int Reachable, List<(Person Person, TimelineSegment Segment)> Away)? open)
    {
        if (open is not { } gap)
        {
            return;
        }

        var chosen = new List<(Person Person, TimelineSegment Segment)>();
        foreach (var a in gap.Away)
        {
            var index = chosen.FindIndex(c => c.Person.Id == a.Person.Id);
            if (index < 0)
            {
                chosen.Add(a);
            }
            else if (a.Segment.To > chosen[index].Segment.To)
            {
                chosen[index] = a;
            }
        }

        var away = chosen
            .Select(a => new AwayMember(a.Person, ReasonCatalog.Phrase(a.Segment.Referral!.Reason), a.Segment.ReturnsAt))
            .OrderBy(a => a.ReturnsAt)
            .ThenBy(a => a.Person.Name, StringComparer.Ordinal)
            .ToList();
        gaps.Add(new CoverageGap(unit, new Interval(gap.From, gap.To), gap.Reachable, away));
        open = null;
    }

    private static IEnumerable<string> Describe(IEnumerable<CoverageGap> gaps) =>
        gaps.Select(g => $"{g.Unit.Id} {g.Interval} reachable {g.Reachable}: "
                         + string.Join(", ", g.Away.Select(a => $"{a.Person.Id} {a.ReasonPhrase} {a.ReturnsAt}")));

    /// <summary>Four hours to three days of the week of 2026-11-23 (Thursday is a closure day), starting at any minute.</summary>
    private static Interval RandomWindow(Random random)
    {
        var start = Monday + Duration.FromDays(random.Next(0, 3)) + Duration.FromMinutes(random.Next(2) == 0 ? 0 : random.Next(0, 16 * 60));
        return new Interval(start, start + Duration.FromMinutes(random.Next(4 * 60, 3 * 24 * 60)));
    }

    /// <summary>One or two schedule lines, possibly overlapping, possibly not on every weekday.</summary>
    private static Unit RandomUnit(Random random)
    {
        var rules = Enumerable.Range(0, random.Next(1, 3)).Select(_ =>
        {
            var from = random.Next(7 * 60, 15 * 60);
            var to = from + random.Next(15, 4 * 60);
            var days = random.Next(3) == 0 ? MondayToFriday.Where(_ => random.Next(3) > 0).ToHashSet() : MondayToFriday;
            return new PhoneHoursRule(days, LocalTime.Midnight.PlusMinutes(from), LocalTime.Midnight.PlusMinutes(to));
        }).ToList();
        return Unit(minimumStaffed: random.Next(1, 4)) with { PhoneHours = rules };
    }

    /// <summary>
    /// Mostly timelines as the referral service computes them; sometimes raw segments that overlap (the calculator
    /// accepts any), and sometimes the same person twice.
    /// </summary>
    private static List<MemberTimeline> RandomMembers(Random random, Unit unit, Interval window)
    {
        var people = Enumerable.Range(0, unit.MinimumStaffed + random.Next(0, 3)).Select(i => Person(unit, $"p{i}", Names[random.Next(Names.Length)])).ToList();
        var members = people.Select(p => random.Next(5) == 0
                ? new MemberTimeline(p, RandomReferrals(random, p, window).Select(r => RawSegment(random, r)).ToList())
                : new MemberTimeline(p, ReferralTimeline.Compute(RandomReferrals(random, p, window), null, Duration.FromMinutes(15), window)))
            .ToList();
        if (random.Next(10) == 0)
        {
            var again = people[random.Next(people.Count)];
            members.Add(new MemberTimeline(again, ReferralTimeline.Compute(RandomReferrals(random, again, window), null, Duration.FromMinutes(15), window)));
        }

        return members;
    }

    /// <summary>
    /// Mostly in the daytime of the window's days; on the hour or quarter hour two times in three, so that starts,
    /// ends and return times often coincide across people.
    /// </summary>
    private static List<Referral> RandomReferrals(Random random, Person person, Interval window)
    {
        var step = new[] { 60, 15, 1 }[random.Next(3)];
        var firstDay = (int)(window.Start - Monday).TotalDays;
        var lastDay = (int)(window.End - Monday).TotalDays;
        return Enumerable.Range(0, random.Next(2, 4 + (4 * (lastDay - firstDay)))).Select(_ =>
        {
            var morning = Monday + Duration.FromDays(random.Next(firstDay, lastDay + 1)) + Duration.FromHours(7);
            var start = morning + Duration.FromMinutes(step * random.Next(0, 10 * 60 / step));
            var end = start + Duration.FromMinutes(step * random.Next(1, (5 * 60 / step) + 1));
            var phone = random.Next(5) == 0 ? PhoneState.Open : PhoneState.Closed;
            var source = random.Next(3) == 0 ? ReferralSource.Manual : ReferralSource.Calendar;
            return new Referral(Guid.NewGuid(), person.Id, Reasons[random.Next(Reasons.Length)], start, end, phone, source);
        }).ToList();
    }

    /// <summary>A segment straight from a referral, with a return time of its own so ties on the end are told apart.</summary>
    private static TimelineSegment RawSegment(Random random, Referral referral) =>
        new(referral.Start, referral.ReturnsAt, referral, referral.Start, referral.ReturnsAt + Duration.FromMinutes(30 * random.Next(0, 3)));
}
