namespace PresenceBot.Reminders;

/// <summary>The minute job: a gap that comes within the alert horizon, the 15:00 digest and "täckt igen" go out within a minute.</summary>
internal sealed class CoverageAlertJob(CoverageRound round)
{
    public const string RecurringJobId = "coverage-alerts";

    public Task<int> RunAsync(CancellationToken cancellationToken) => round.RunAsync(cancellationToken);
}
