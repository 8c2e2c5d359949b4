namespace PresenceBot.Jobs;

public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Run a Hangfire server in this process (every instance does by default).</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>The dashboard at /hangfire answers only loopback requests unless this is true.</summary>
    public bool DashboardAllowRemote { get; set; }
}
