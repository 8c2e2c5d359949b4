using NodaTime;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.WorkingTime;

namespace PresenceBot.Referrals.Coverage;

/// <summary>
/// When a unit's telefontid actually applies: its schedule (its own, or the organisation's default that the
/// organisation file already put on the unit) on working days only — a holiday or klämdag has no phone hours to staff.
/// </summary>
public static class PhoneHours
{
    /// <summary>The unit's phone hours on <paramref name="date"/> as instants, ordered and merged; empty on a non-working day.</summary>
    public static IReadOnlyList<Interval> On(Unit unit, LocalDate date, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!calendar.IsWorkingDay(date))
        {
            return [];
        }

        // Lenient resolution: a schedule line starting inside a DST gap starts when the clock resumes.
        var lines = unit.PhoneHours
            .Where(rule => rule.Days.Contains(date.DayOfWeek))
            .Select(rule => new Interval(
                date.At(rule.From).InZoneLeniently(calendar.Zone).ToInstant(),
                date.At(rule.To).InZoneLeniently(calendar.Zone).ToInstant()))
            .OrderBy(i => i.Start);
        return Merge(lines);
    }

    /// <summary>The unit's phone hours that fall inside <paramref name="window"/>, clipped to it.</summary>
    public static IReadOnlyList<Interval> Within(Unit unit, Interval window, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var first = window.Start.InZone(calendar.Zone).Date;
        var last = window.End.InZone(calendar.Zone).Date;
        var result = new List<Interval>();
        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            foreach (var hours in On(unit, date, calendar))
            {
                var start = hours.Start > window.Start ? hours.Start : window.Start;
                var end = hours.End < window.End ? hours.End : window.End;
                if (start < end)
                {
                    result.Add(new Interval(start, end));
                }
            }
        }

        return result;
    }

    private static List<Interval> Merge(IEnumerable<Interval> ordered)
    {
        var merged = new List<Interval>();
        foreach (var interval in ordered)
        {
            if (merged.Count > 0 && interval.Start <= merged[^1].End)
            {
                var end = interval.End > merged[^1].End ? interval.End : merged[^1].End;
                merged[^1] = new Interval(merged[^1].Start, end);
            }
            else
            {
                merged.Add(interval);
            }
        }

        return merged;
    }
}
