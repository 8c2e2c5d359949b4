using Polly;
using Polly.Retry;

namespace PresenceBot.TeamsChannel.Connector;

/// <summary>
/// Honours the connector's <c>Retry-After</c> but never beyond a bound: Polly's own header support ignores
/// <c>MaxDelay</c>, and a throttled connector saying "an hour" must not hold a Teams turn (or a job) that long.
/// </summary>
internal static class RetryAfterDelay
{
    public static Func<RetryDelayGeneratorArguments<HttpResponseMessage>, ValueTask<TimeSpan?>> Bounded(TimeSpan max, TimeProvider time) =>
        args => ValueTask.FromResult(From(args.Outcome.Result?.Headers.RetryAfter, time.GetUtcNow(), max));

    /// <summary>The wait the header asks for, at most <paramref name="max"/>; null (use the backoff) when there is none.</summary>
    public static TimeSpan? From(System.Net.Http.Headers.RetryConditionHeaderValue? retryAfter, DateTimeOffset now, TimeSpan max)
    {
        var wanted = retryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => (TimeSpan?)null,
        };
        return wanted is null ? null : TimeSpan.FromTicks(Math.Clamp(wanted.Value.Ticks, 0, max.Ticks));
    }
}
