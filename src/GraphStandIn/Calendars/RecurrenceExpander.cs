using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace PresenceBot.GraphStandIn.Calendars;

/// <summary>
/// Turns a stored event into what calendarView shows in a window: the event itself, or the occurrences of a daily or
/// weekly series (range endDate, numbered or noEnd, the last bounded by the window). Occurrence ids are the master
/// id plus the local date, so the same occurrence keeps its id across reads and delta rounds.
/// </summary>
internal static class RecurrenceExpander
{
    private const int MaxCandidates = 20_000;

    public static EventInstance? Single(StandInEvent source)
    {
        var zone = GraphZones.Find(source.Start.TimeZone);
        var endZone = GraphZones.Find(source.End.TimeZone) ?? zone;
        var start = GraphZones.ParseWallClock(source.Start.DateTime);
        var end = GraphZones.ParseWallClock(source.End.DateTime);
        if (zone is null || endZone is null || start is null || end is null)
        {
            return null;
        }

        // The end may be written in another zone than the start; keep both as wall clocks in the start's zone.
        var endLocal = endZone == zone || source.IsAllDay
            ? end.Value
            : end.Value.InZoneLeniently(endZone).WithZone(zone).LocalDateTime;
        var type = source.Recurrence is null ? "singleInstance" : "seriesMaster";
        return new EventInstance(source.Id, source, type, null, start.Value, endLocal, zone);
    }

    public static IEnumerable<EventInstance> InWindow(StandInEvent source, Instant windowStart, Instant windowEnd)
    {
        if (Single(source) is not { } master)
        {
            yield break;
        }

        if (source.Recurrence is null)
        {
            if (master.Overlaps(windowStart, windowEnd))
            {
                yield return master;
            }

            yield break;
        }

        var lastDate = windowEnd.InZone(master.Zone).Date.PlusDays(2);
        var duration = Period.Between(master.StartLocal, master.EndLocal);
        foreach (var date in Dates(source.Recurrence, master.StartLocal.Date, lastDate))
        {
            var startLocal = date + master.StartLocal.TimeOfDay;
            var occurrence = new EventInstance(
                OccurrenceId(source.Id, date), source, "occurrence", source.Id, startLocal, startLocal + duration, master.Zone);
            if (occurrence.Overlaps(windowStart, windowEnd))
            {
                yield return occurrence;
            }
        }
    }

    public static string OccurrenceId(string masterId, LocalDate date) =>
        masterId + "_" + date.ToString("uuuuMMdd", CultureInfo.InvariantCulture);

    /// <summary>Splits an occurrence id back into its master id and date; false for a plain id.</summary>
    public static bool TryParseOccurrenceId(string id, out string masterId, out LocalDate date)
    {
        masterId = "";
        date = default;
        var cut = id.LastIndexOf('_');
        if (cut <= 0 || id.Length - cut != 9)
        {
            return false;
        }

        var parsed = LocalDatePattern.Iso.WithTemplateValue(default).Parse(id[(cut + 1)..].Insert(4, "-").Insert(7, "-"));
        if (!parsed.Success)
        {
            return false;
        }

        masterId = id[..cut];
        date = parsed.Value;
        return true;
    }

    private static IEnumerable<LocalDate> Dates(PatternedRecurrence recurrence, LocalDate masterDate, LocalDate lastDate)
    {
        var range = recurrence.Range;
        var first = ParseDate(range.StartDate) ?? masterDate;
        var endDate = range.Type.Equals("endDate", StringComparison.OrdinalIgnoreCase) ? ParseDate(range.EndDate) : null;
        var limit = range.Type.Equals("numbered", StringComparison.OrdinalIgnoreCase) ? Math.Max(range.NumberOfOccurrences, 0) : int.MaxValue;
        var produced = 0;
        foreach (var date in Candidates(recurrence.Pattern, first).Take(MaxCandidates))
        {
            if (produced >= limit || date > lastDate || (endDate is { } end && date > end))
            {
                yield break;
            }

            produced++;
            yield return date;
        }
    }

    private static IEnumerable<LocalDate> Candidates(RecurrencePattern pattern, LocalDate first)
    {
        var interval = Math.Max(pattern.Interval, 1);
        if (pattern.Type.Equals("daily", StringComparison.OrdinalIgnoreCase))
        {
            for (var date = first; ; date = date.PlusDays(interval))
            {
                yield return date;
            }
        }

        if (!pattern.Type.Equals("weekly", StringComparison.OrdinalIgnoreCase))
        {
            // Monthly and yearly patterns are stored and returned, but only their first instance is shown.
            yield return first;
            yield break;
        }

        var days = (pattern.DaysOfWeek ?? []).Select(ParseDay).OfType<IsoDayOfWeek>().ToHashSet();
        if (days.Count == 0)
        {
            days.Add(first.DayOfWeek);
        }

        var weekStart = first.With(DateAdjusters.PreviousOrSame(ParseDay(pattern.FirstDayOfWeek) ?? IsoDayOfWeek.Sunday));
        for (var week = weekStart; ; week = week.PlusWeeks(interval))
        {
            for (var offset = 0; offset < 7; offset++)
            {
                var date = week.PlusDays(offset);
                if (date >= first && days.Contains(date.DayOfWeek))
                {
                    yield return date;
                }
            }
        }
    }

    private static LocalDate? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text.Trim());
        return parsed.Success ? parsed.Value : null;
    }

    private static IsoDayOfWeek? ParseDay(string? name) =>
        Enum.TryParse<IsoDayOfWeek>(name, ignoreCase: true, out var day) && day != IsoDayOfWeek.None ? day : null;
}
