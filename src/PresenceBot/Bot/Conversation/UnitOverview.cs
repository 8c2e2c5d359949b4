using NodaTime;
using PresenceBot.Referrals.Coverage;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Reminders;
using PresenceBot.Referrals.Service;
using PresenceBot.Referrals.Talsvar;
using PresenceBot.Referrals.Timeline;
using PresenceBot.Referrals.WorkingTime;

namespace PresenceBot.Bot.Conversation;

/// <summary>
/// What "/enhet" says about one unit, worked out from its members' timelines: who is away now and until when (disclosed:
/// sickness reads "frånvarande"), who can answer now, and today's and the next working day's phone hours with each gap
/// and who would answer in it.
/// </summary>
internal sealed record UnitOverview(Unit Unit, IReadOnlyList<string> AwayNow, IReadOnlyList<string> ReachableNow, IReadOnlyList<UnitDay> Days)
{
    public static UnitOverview Of(Unit unit, IReadOnlyList<MemberTimeline> members, Instant now, WorkingCalendar calendar)
    {
        var zone = calendar.Zone;
        var away = new List<string>();
        var reachable = new List<string>();
        foreach (var member in members)
        {
            if (member.Segments.FirstOrDefault(s => s.Contains(now)) is { } segment && CoverageCalculator.IsUnreachable(segment))
            {
                away.Add($"{member.Person.Name}: {ReasonCatalog.SwedishWord(segment.Referral!.Reason)}, tillbaka {TalsvarText.When(segment.ReturnsAt, now, zone)}");
            }
            else
            {
                reachable.Add(member.Person.Name);
            }
        }

        var today = now.InZone(zone).Date;
        var days = new[] { today, calendar.NextWorkingDayAfter(today) }
            .Select(day => Day(unit, members, day, today, calendar))
            .ToList();
        return new UnitOverview(unit, away, reachable, days);
    }

    private static UnitDay Day(Unit unit, IReadOnlyList<MemberTimeline> members, LocalDate day, LocalDate today, WorkingCalendar calendar)
    {
        var zone = calendar.Zone;
        var hours = PhoneHours.On(unit, day, calendar);
        var whole = new Interval(day.AtStartOfDayInZone(zone).ToInstant(), day.PlusDays(1).AtStartOfDayInZone(zone).ToInstant());
        var gaps = CoverageCalculator.Gaps(unit, members, whole, calendar)
            .Select(gap => new UnitGap(gap.Interval, SwedishTime.Span(gap.Interval, zone, today), Answering(members, gap.Interval)))
            .ToList();
        return new UnitDay(SwedishTime.Day(day, today), hours.Select(h => SwedishTime.Span(h, zone, day)).ToList(), gaps);
    }

    /// <summary>Who can answer for the whole of a gap (too few, or it would be none): those reachable throughout it.</summary>
    private static IReadOnlyList<string> Answering(IReadOnlyList<MemberTimeline> members, Interval gap) =>
        members.Where(m => !m.Segments.Any(s => s.From < gap.End && s.To > gap.Start && CoverageCalculator.IsUnreachable(s)))
            .Select(m => m.Person.Name)
            .ToList();
}
