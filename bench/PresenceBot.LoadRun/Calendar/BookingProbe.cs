using System.Diagnostics;
using System.Net;
using System.Text.Json;
using PresenceBot.GraphStandIn;
using PresenceBot.GraphStandIn.Calendars;

namespace PresenceBot.LoadRun.Calendar;

/// <summary>Booking → referral figures: one latency per probe that became visible, and those that never did in time.</summary>
internal sealed record ProbeResult(long[] VisibleTicks, int Probes, int Missed, IReadOnlyList<string> Examples);

/// <summary>
/// Moves a real booking in the stand-in (which then notifies the service itself, as Graph does) onto "now", starting
/// a minute ago to the second, and polls <c>GET /api/referrals/{person}</c> until that referral shows: referred,
/// reason meeting (the booking's MÖT code), absent from exactly that start. The start identifies the change: the
/// return time may be merged with the next booking or moved to the next working morning. Probes overlap; each is bounded.
/// </summary>
internal sealed class BookingProbe(GraphStandInServer graph, HttpClient api, IReadOnlyList<ProbeTarget> pool, TimeProvider time)
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(10);

    public async Task<ProbeResult> RunAsync(double durationSeconds, double everySeconds, double timeoutSeconds, CancellationToken cancellationToken)
    {
        var count = (int)Math.Floor(durationSeconds / everySeconds);
        var running = new List<Task<(long? Ticks, string? Why)>>(count);
        var started = Stopwatch.GetTimestamp();
        for (var k = 0; k < count && pool.Count > 0; k++)
        {
            var wait = TimeSpan.FromSeconds(k * everySeconds) - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }

            running.Add(ProbeAsync(pool[k % pool.Count], TimeSpan.FromSeconds(timeoutSeconds), cancellationToken));
        }

        var outcomes = await Task.WhenAll(running).ConfigureAwait(false);
        var visible = outcomes.Where(o => o.Ticks is not null).Select(o => o.Ticks!.Value).ToArray();
        var why = outcomes.Where(o => o.Why is not null).Select(o => o.Why!).Distinct().Take(5).ToList();
        return new ProbeResult(visible, outcomes.Length, outcomes.Length - visible.Length, why);
    }

    private async Task<(long? Ticks, string? Why)> ProbeAsync(ProbeTarget target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var start = Whole(now.AddMinutes(-1));
        var end = Whole(now.AddMinutes(90));
        var changed = Stopwatch.GetTimestamp();
        var updated = await graph.Calendars.UpdateEventAsync(
            target.PersonId,
            target.EventId,
            new EventDraft
            {
                Start = new DateTimeTimeZone(CalendarSeeder.Wall(start.UtcDateTime), "UTC"),
                End = new DateTimeTimeZone(CalendarSeeder.Wall(end.UtcDateTime), "UTC"),
                ShowAs = "busy",
            },
            cancellationToken).ConfigureAwait(false);
        if (updated is null)
        {
            return (null, $"event {target.EventId} of {target.PersonId} is gone");
        }

        var last = "no answer";
        while (Stopwatch.GetElapsedTime(changed) < timeout)
        {
            using var response = await api.GetAsync(new Uri($"api/referrals/{Uri.EscapeDataString(target.PersonId)}", UriKind.Relative), cancellationToken)
                .ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (Shows(body, start))
                {
                    return (Stopwatch.GetElapsedTime(changed).Ticks, null);
                }

                last = body;
            }
            else
            {
                last = $"HTTP {(int)response.StatusCode}";
            }

            await Task.Delay(PollEvery, cancellationToken).ConfigureAwait(false);
        }

        return (null, $"not visible within {timeout.TotalSeconds:F0} s; last answer: {last}");
    }

    private static bool Shows(string body, DateTimeOffset start)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return root.GetProperty("state").GetString() == "referred"
            && root.GetProperty("reason").GetString() == "meeting"
            && root.GetProperty("from").ValueKind == JsonValueKind.String
            && root.GetProperty("from").GetDateTimeOffset() == start;
    }

    private static DateTimeOffset Whole(DateTimeOffset value) => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), value.Offset);
}
