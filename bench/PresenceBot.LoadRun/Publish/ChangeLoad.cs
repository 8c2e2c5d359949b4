using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using PresenceBot.Bench;

namespace PresenceBot.LoadRun.Publish;

/// <summary>
/// Referral changes through the switchboard API on the shared open-loop schedule: change k goes to person
/// k × 7919 mod N (every person in turn, in a scattered order) and sets a meeting until <see cref="Start"/> + k minutes,
/// so the return time a receiver gets says which change it is (or a newer one, when publishing skipped k).
/// Records when each change was sent and when its 200 came back (committed).
/// </summary>
internal sealed class ChangeLoad(HttpClient client, IReadOnlyList<GeneratedPerson> people, DateTimeOffset start, TimeZoneInfo zone)
{
    public DateTimeOffset Start => start;

    public GeneratedPerson PersonOf(int change) => people[(int)((long)change * 7919 % people.Count)];

    /// <summary>The change a return time belongs to; null for none of ours (or available: no return time).</summary>
    public int? ChangeOf(string? returnsAt) =>
        returnsAt is null ? null : (int)Math.Round((DateTimeOffset.Parse(returnsAt, CultureInfo.InvariantCulture) - start).TotalMinutes);

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
        TimeZoneInfo.ConvertTime(start.AddMinutes(change), zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>One run of changes: the open-loop figures and, per change (index − offset), send and answer ticks (0: failed).</summary>
internal sealed record ChangeResult(OpenLoopResult Run, int Offset, long[] Sent, long[] Answered);
