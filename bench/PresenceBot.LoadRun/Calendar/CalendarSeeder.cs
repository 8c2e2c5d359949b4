using System.Globalization;
using PresenceBot.Bench;
using PresenceBot.GraphStandIn;
using PresenceBot.GraphStandIn.Calendars;

namespace PresenceBot.LoadRun.Calendar;

/// <summary>A person whose booking the probe moves, and that booking.</summary>
internal sealed record ProbeTarget(string PersonId, string EventId);

/// <summary>What was booked: event ids per person (for notifications that name real events) and the probe pool.</summary>
internal sealed record SeededCalendars(int Events, IReadOnlyDictionary<string, string[]> EventIds, IReadOnlyList<ProbeTarget> ProbePool);

/// <summary>
/// Books a realistic fortnight for every coupled person in the stand-in, deterministically: on each working day from
/// yesterday to <c>days</c> ahead, a morning meeting, often a second one back to back (0–10 minute gap), and an
/// afternoon booking; now and then an all-day absence. Subjects carry Trio codes (<c>SAM:</c>, <c>DIS;</c>, …) or
/// none, some bookings have Swedish categories, a few are private, tentative or workingElsewhere, and the times are
/// written in a Windows zone, an IANA zone or UTC. Probe people get no bookings yesterday or today, so a booking the
/// probe moves onto "now" decides their status alone.
/// </summary>
internal static class CalendarSeeder
{
    private const string Windows = "W. Europe Standard Time";
    private const string Iana = "Europe/Stockholm";

    private static readonly string[] MorningSubjects =
        ["SAM: Budgetberedning", "MÖT: Avstämning", "Arbetsplatsträff", "TJÄ: Hembesök", "UPP; Fokustid", "Ledningsgrupp", "MÖT; Samverkan"];

    public static async Task<SeededCalendars> SeedAsync(
        GraphStandInServer graph, IReadOnlyList<GeneratedPerson> people, int days, TimeProvider time, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Iana);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        var eventIds = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var probes = new List<ProbeTarget>();
        var count = 0;
        for (var i = 0; i < people.Count; i++)
        {
            var person = people[i];
            if (person.CalendarCoupling == "off")
            {
                continue;
            }

            var random = new Random(i);
            var probe = i % 20 == 5;
            var ids = new List<string>();
            for (var day = today.AddDays(-1); day <= today.AddDays(days); day = day.AddDays(1))
            {
                if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || (probe && day <= today))
                {
                    continue;
                }

                foreach (var draft in Day(day, random, i, zone))
                {
                    var created = await graph.Calendars.CreateEventAsync(person.Id, draft, cancellationToken).ConfigureAwait(false);
                    ids.Add(created.Id);
                }
            }

            if (probe)
            {
                // Parked two days ahead; the probe moves it onto "now" again and again.
                var parked = await graph.Calendars.CreateEventAsync(
                    person.Id, Timed(today.AddDays(2), new TimeOnly(10, 0), 60, "MÖT: Avstämning", "busy", i, zone), cancellationToken).ConfigureAwait(false);
                ids.Add(parked.Id);
                probes.Add(new ProbeTarget(person.Id, parked.Id));
            }

            count += ids.Count;
            eventIds[person.Id] = [.. ids];
        }

        return new SeededCalendars(count, eventIds, probes);
    }

    private static IEnumerable<EventDraft> Day(DateOnly day, Random random, int personIndex, TimeZoneInfo zone)
    {
        if (random.Next(25) == 0)
        {
            // A day off: all-day, oof, by code or by category.
            yield return new EventDraft
            {
                Subject = random.Next(2) == 0 ? "SEM: Semester" : "Ledig",
                Categories = random.Next(2) == 0 ? ["Semester"] : [],
                ShowAs = "oof",
                IsAllDay = true,
                Start = new DateTimeTimeZone(Wall(day, TimeOnly.MinValue), Windows),
                End = new DateTimeTimeZone(Wall(day.AddDays(1), TimeOnly.MinValue), Windows),
            };
        }

        var morning = new TimeOnly(8, 0).AddMinutes(30 * random.Next(4));
        var minutes = 45 + (15 * random.Next(4));
        var first = Timed(day, morning, minutes, MorningSubjects[random.Next(MorningSubjects.Length)], "busy", personIndex, zone);
        yield return random.Next(10) == 0 ? first with { Sensitivity = "private", Subject = "Privat: tandläkare" } : first;

        if (random.Next(2) == 0)
        {
            // Back to back, or with a gap the merge rule closes.
            var second = morning.AddMinutes(minutes + random.Next(11));
            yield return Timed(day, second, 60, "Möte om IT-stöd", "busy", personIndex, zone) with { Categories = random.Next(3) == 0 ? ["Tjänsteärende"] : [] };
        }

        var afternoon = new TimeOnly(13, 0).AddMinutes(15 * random.Next(5));
        yield return random.Next(10) switch
        {
            0 or 1 => Timed(day, afternoon, 120, "Kurs i dokumenthantering", "busy", personIndex, zone) with { Categories = ["Utbildning"] },
            2 => Timed(day, afternoon, 180, "DIS; Distansarbete", "workingElsewhere", personIndex, zone),
            3 => Timed(day, afternoon, 60, "Kanske: workshop", "tentative", personIndex, zone),
            4 => Timed(day, afternoon, 90, "Läkarbesök", "oof", personIndex, zone) with { Categories = ["Ledig"], Sensitivity = "private" },
            5 => Timed(day, new TimeOnly(11, 30), 45, "LUN; Lunch", "busy", personIndex, zone),
            _ => Timed(day, afternoon, 90, "SAM: Nämndsammanträde", "busy", personIndex, zone),
        };
    }

    /// <summary>A timed booking in local time, written in the zone this person's client uses (Windows, IANA or UTC).</summary>
    private static EventDraft Timed(DateOnly day, TimeOnly start, int minutes, string subject, string showAs, int personIndex, TimeZoneInfo zone)
    {
        var localStart = day.ToDateTime(start);
        var localEnd = localStart.AddMinutes(minutes);
        (DateTimeTimeZone Start, DateTimeTimeZone End) times = (personIndex % 3) switch
        {
            0 => (new(Wall(localStart), Windows), new(Wall(localEnd), Windows)),
            1 => (new(Wall(localStart), Iana), new(Wall(localEnd), Iana)),
            _ => (new(Wall(TimeZoneInfo.ConvertTimeToUtc(localStart, zone)), "UTC"), new(Wall(TimeZoneInfo.ConvertTimeToUtc(localEnd, zone)), "UTC")),
        };
        return new EventDraft { Subject = subject, ShowAs = showAs, Start = times.Start, End = times.End };
    }

    public static string Wall(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Wall(DateOnly day, TimeOnly time) => Wall(day.ToDateTime(time));
}
