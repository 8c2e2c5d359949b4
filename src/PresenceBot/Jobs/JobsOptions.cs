namespace PresenceBot.Jobs;

public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>
    /// No longer supported: it opened the dashboard to every address. Remote admins sign in instead (AzureAd);
    /// a configuration that still sets it true is refused at start.
    /// </summary>
    public const string RemovedDashboardAllowRemote = "Jobs:DashboardAllowRemote";

    /// <summary>Run a Hangfire server in this process (every instance does by default).</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>
    /// Hangfire workers in this instance. Calendar re-reads wait on Graph and the database, not the CPU,
    /// so more than Hangfire's default (5 per core, at most 20) keeps a burst from queueing up.
    /// </summary>
    public int WorkerCount { get; set; } = 20;

    /// <summary>
    /// On PostgreSQL, how often each of an instance's Hangfire workers looks for enqueued jobs: a job enqueued on one
    /// instance starts on some instance within about this long.
    /// </summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
