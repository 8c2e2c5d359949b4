using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using NodaTime;
using PresenceBot.Bench;
using PresenceBot.Referrals.WorkingTime;

namespace PresenceBot.LoadRun.Publish;

/// <summary>
/// Referral changes through the switchboard API on the shared open-loop schedule: change k goes to person
/// k × 7919 mod N (every person in turn, in a scattered order) and sets a meeting until the k-th working minute from
/// <paramref name="firstDay"/> 08:00 (the generated organisation works 08–17 on weekdays that are no Swedish holiday),
/// so the return time a receiver gets says which change it is (or a newer one, when publishing skipped k). Working
/// minutes, not plain ones: the API moves a return outside working time to the next working start, and then
/// thousands of changes would all say "Monday 08.00" (measured: on a Thursday every change after the first 540 did).
/// Records when each change was sent and when its 200 came back (committed).
/// </summary>
internal sealed class ChangeLoad(HttpClient client, IReadOnlyList<GeneratedPerson> people, DateOnly firstDay, TimeZoneInfo zone)
{
    private const int WorkdayStartHour = 8;
    private const int MinutesPerWorkday = 9 * 60;
    private readonly List<DateOnly> _workdays = [];

    public GeneratedPerson PersonOf(int change) => people[(int)((long)change * 7919 % people.Count)];

    /// <summary>The change a return time belongs to; null for none of ours (or available: no return time).</summary>
    public int? ChangeOf(string? returnsAt)
    {
        if (returnsAt is null)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(returnsAt, CultureInfo.InvariantCulture), zone);
        var minute = (int)(local.TimeOfDay - TimeSpan.FromHours(WorkdayStartHour)).TotalMinutes;
        var day = WorkdayIndex(DateOnly.FromDateTime(local.DateTime));
        return day is null || minute is < 0 or >= MinutesPerWorkday ? null : (day * MinutesPerWorkday) + minute;
    }

    /// <summary>Sends changes <paramref name="offset"/> … onward at <paramref name="rate"/> for the duration; null timestamps where it failed.</summary>
    public async Task<ChangeResult> RunAsync(int offset, double rate, double durationSeconds, int maxRequests, int workers, CancellationToken cancellationToken)
    {
        var capacity = (int)Math.Min(maxRequests, Math.Ceiling(rate * durationSeconds));
        var sent = new long[capacity];
        var answered = new long[capacity];
        var run = await OpenLoop.RunAsync(
            rate,
            durationSeconds,
            maxRequests,
            workers,
            async (k, _, ct) =>
            {
                var change = offset + k;
                var body = new { reason = "meeting", until = Until(change) };
                sent[k] = Stopwatch.GetTimestamp();
                using var response = await client.PutAsJsonAsync(new Uri($"api/referrals/{PersonOf(change).Id}/manual", UriKind.Relative), body, ct).ConfigureAwait(false);
                if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Accepted))
                {
                    return string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode}");
                }

                answered[k] = Stopwatch.GetTimestamp();
                return null;
            },
            cancellationToken).ConfigureAwait(false);
        return new ChangeResult(run, offset, sent, answered);
    }

    private string Until(int change) =>
        Workday(change / MinutesPerWorkday).ToDateTime(new TimeOnly(WorkdayStartHour, 0)).AddMinutes(change % MinutesPerWorkday)
            .ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private DateOnly Workday(int index)
    {
        lock (_workdays)
        {
            var day = _workdays.Count == 0 ? firstDay.AddDays(-1) : _workdays[^1];
            while (_workdays.Count <= index)
            {
                day = day.AddDays(1);
                var date = new LocalDate(day.Year, day.Month, day.Day);
                if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !SwedishHolidays.For(day.Year).ContainsKey(date))
                {
                    _workdays.Add(day);
                }
            }

            return _workdays[index];
        }
    }

    private int? WorkdayIndex(DateOnly day)
    {
        lock (_workdays)
        {
            var index = _workdays.IndexOf(day);
            return index < 0 ? null : index;
        }
    }
}

/// <summary>One run of changes: the open-loop figures and, per change (index − offset), send and answer ticks (0: failed).</summary>
internal sealed record ChangeResult(OpenLoopResult Run, int Offset, long[] Sent, long[] Answered);
