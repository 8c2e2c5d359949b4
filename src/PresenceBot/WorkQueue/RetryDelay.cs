namespace PresenceBot.WorkQueue;

/// <summary>Capped exponential back-off with jitter: between half and all of min(max, first × 2^(attempt−1)).</summary>
internal static class RetryDelay
{
    public static TimeSpan After(int attempt, TimeSpan first, TimeSpan max, double random)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var ceiling = Math.Min(max.TotalMilliseconds, first.TotalMilliseconds * Math.Pow(2, exponent));
        // Half fixed, half random: failures of many keys at once (Graph down) spread out instead of retrying in step.
        return TimeSpan.FromMilliseconds(ceiling / 2 + ceiling / 2 * Math.Clamp(random, 0, 1));
    }
}
