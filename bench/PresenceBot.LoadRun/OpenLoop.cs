using System.Diagnostics;

namespace PresenceBot.LoadRun;

/// <summary>Per-request figures: latency from the actual send, and how late the send was against the schedule.</summary>
internal sealed record OpenLoopResult(
    int Requests, int Errors, TimeSpan Elapsed, TimeSpan LastSend, long[] LatencyTicks, long[] LatenessTicks, IReadOnlyDictionary<string, int> ErrorKinds)
{
    /// <summary>Requests per second actually sent: request k is due at k / rate, so (count − 1) over the time to the last send.</summary>
    public double SendRate => Requests > 1 && LastSend > TimeSpan.Zero ? (Requests - 1) / LastSend.TotalSeconds : double.NaN;
}

/// <summary>
/// Open loop, shared by every mode: request k is due at k / rate seconds whether or not earlier ones have answered;
/// a free worker claims the next slot and waits for it. Stops at the duration or the request cap, whichever first.
/// The latency of request k is the time <paramref name="send"/> took from the actual send.
/// </summary>
internal static class OpenLoop
{
    /// <param name="send">Sends request k; returns null on success, or a short failure kind ("HTTP 503", "timeout").</param>
    public static async Task<OpenLoopResult> RunAsync(
        double rate, double durationSeconds, int maxRequests, int workers, Func<int, Random, CancellationToken, Task<string?>> send, CancellationToken cancellationToken)
    {
        var capacity = (int)Math.Min(maxRequests, Math.Ceiling(rate * durationSeconds));
        var latency = new long[capacity];
        var lateness = new long[capacity];
        var ticksPerRequest = Stopwatch.Frequency / rate;
        var next = -1;
        var errors = 0;
        long lastSend = 0;
        var kinds = new Dictionary<string, int>();
        var started = Stopwatch.GetTimestamp();

        async Task Worker(int seed)
        {
            var random = new Random(seed);
            while (!cancellationToken.IsCancellationRequested)
            {
                var k = Interlocked.Increment(ref next);
                if (k >= capacity)
                {
                    return;
                }

                var due = started + (long)(k * ticksPerRequest);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                }

                var sent = Stopwatch.GetTimestamp();
                lateness[k] = sent > due ? Stopwatch.GetElapsedTime(due, sent).Ticks : 0;
                InterlockedMax(ref lastSend, sent);
                string? failure;
                try
                {
                    failure = await send(k, random, cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException e)
                {
                    failure = e.GetType().Name;
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = "timeout";
                }

                latency[k] = Stopwatch.GetElapsedTime(sent).Ticks;
                if (failure is not null)
                {
                    Interlocked.Increment(ref errors);
                    lock (kinds)
                    {
                        kinds[failure] = kinds.GetValueOrDefault(failure) + 1;
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, workers).Select(i => Task.Run(() => Worker(1000 + i), cancellationToken))).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new OpenLoopResult(capacity, errors, elapsed, Stopwatch.GetElapsedTime(started, lastSend), latency, lateness, kinds);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
