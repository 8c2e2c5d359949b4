using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PresenceBot.Bench;

namespace PresenceBot.LoadRun;

/// <summary>Who to ask for: seeded people (rows in the database) with the given share, by UPN or id at random.</summary>
internal sealed class LoadTargets(IReadOnlyList<GeneratedPerson> people, int seededCount, double seededShare)
{
    public (string Key, bool Seeded) Pick(Random random)
    {
        var seeded = seededCount > 0 && random.NextDouble() < seededShare;
        var index = seeded ? random.Next(seededCount) : random.Next(seededCount, people.Count);
        var person = people[index];
        return (random.Next(2) == 0 ? person.Upn : person.Id, index < seededCount);
    }
}

/// <summary>Per-request figures: latency from the actual send, and how late the send was against the schedule.</summary>
internal sealed record LoadResult(
    int Requests, int Errors, int WrongAnswers, TimeSpan Elapsed, long[] LatencyTicks, long[] LatenessTicks, IReadOnlyDictionary<string, int> ErrorKinds);

internal static class LoadClient
{
    /// <summary>Every response in this many is parsed to check the state matches what was seeded.</summary>
    private const int CheckEvery = 25;

    private static readonly string[] SeedReasons = ["meeting", "errand", "training", "lunch", "business-trip", "sick", "remote", "busy"];

    public static HttpClient Create(Uri baseAddress, string apiKey, int workers)
    {
        if (!IPAddress.IsLoopback(IPAddress.Parse(baseAddress.Host)))
        {
            throw new LoadRunException($"refusing a non-loopback address {baseAddress}");
        }

        // One handler for all workers: connections are pooled as a real switchboard client would.
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = workers,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public static async Task WaitReadyAsync(HttpClient client, ServiceProcess service, TimeSpan limit, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < limit)
        {
            if (service.HasExited)
            {
                throw new LoadRunException("the service exited during start-up");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("readyz", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        throw new LoadRunException($"/readyz did not answer 200 within {limit.TotalSeconds:F0} s");
    }

    /// <summary>
    /// Gives each seeded person <paramref name="perPerson"/> switchboard referrals through the API: one in force
    /// now, the others on later days. Four writers in parallel, as several operators would.
    /// </summary>
    public static async Task<int> SeedAsync(HttpClient client, IReadOnlyList<GeneratedPerson> people, int perPerson, CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetUtcNow();
        var errors = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, people.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var person = people[i];
                for (var k = 0; k < perPerson; k++)
                {
                    var from = k == 0 ? (DateTimeOffset?)null : now.AddDays(k).AddMinutes(i % 120);
                    var until = (from ?? now).AddHours(k == 0 ? 4 : 1);
                    var request = new
                    {
                        reason = SeedReasons[(i + k) % SeedReasons.Length],
                        until = until.ToString("O", CultureInfo.InvariantCulture),
                        from = from?.ToString("O", CultureInfo.InvariantCulture),
                        note = k == 0 ? "load run" : null,
                    };
                    using var response = await client.PutAsJsonAsync(
                        new Uri($"api/referrals/{Uri.EscapeDataString(person.Upn)}/manual", UriKind.Relative), request, ct).ConfigureAwait(false);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        if (Interlocked.Increment(ref errors) <= 3)
                        {
                            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                            await Console.Error.WriteLineAsync($"seed {person.Upn}: {(int)response.StatusCode} {body}").ConfigureAwait(false);
                        }
                    }
                }
            }).ConfigureAwait(false);
        return errors;
    }

    /// <summary>The referrals mode's load: <c>GET /api/referrals/{person}</c> on the shared open-loop schedule.</summary>
    public static async Task<LoadResult> RunAsync(HttpClient client, LoadTargets targets, LoadRunOptions options, CancellationToken cancellationToken)
    {
        var wrong = 0;
        var run = await OpenLoop.RunAsync(
            options.Rate,
            options.DurationSeconds,
            options.MaxRequests,
            options.Workers,
            async (k, random, ct) =>
            {
                var (key, seeded) = targets.Pick(random);
                using var response = await client.GetAsync(
                    new Uri($"api/referrals/{Uri.EscapeDataString(key)}", UriKind.Relative), HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return $"HTTP {(int)response.StatusCode}";
                }

                if (k % CheckEvery == 0)
                {
                    var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                    if (!AnswersAsSeeded(body, seeded))
                    {
                        Interlocked.Increment(ref wrong);
                    }
                }

                return null;
            },
            cancellationToken).ConfigureAwait(false);
        return new LoadResult(run.Requests, run.Errors, wrong, run.Elapsed, run.LatencyTicks, run.LatenessTicks, run.ErrorKinds);
    }

    /// <summary>Seeded people have a switchboard referral in force now; nobody else has any referral.</summary>
    private static bool AnswersAsSeeded(string body, bool seeded)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var state = root.GetProperty("state").GetString();
        return seeded
            ? state == "referred" && root.GetProperty("source").GetString() == "switchboard"
            : state == "available";
    }
}
