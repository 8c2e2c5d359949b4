using Hangfire;

namespace PresenceBot.Reminders;

/// <summary>The minute job: a gap that comes within the alert horizon, the 15:00 digest and "täckt igen" go out within a minute.</summary>
internal sealed class CoverageAlertJob(CoverageRound round)
{
    public const string RecurringJobId = "coverage-alerts";

    /// <remarks>
    /// Never overlaps itself: while Teams is slow a run can outlast the minute, and the next one is then dropped (the
    /// lock is waited for a second only) instead of queueing on another worker; not retried, the next minute is the retry.
    /// </remarks>
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [DisableConcurrentExecution(timeoutInSeconds: 1)]
    public Task<int> RunAsync(CancellationToken cancellationToken) => round.RunAsync(cancellationToken);
}
