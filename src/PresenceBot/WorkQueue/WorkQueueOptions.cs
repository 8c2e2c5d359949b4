using System.ComponentModel.DataAnnotations;

namespace PresenceBot.WorkQueue;

public sealed class WorkQueueOptions
{
    public const string SectionName = "WorkQueue";

    /// <summary>Whether this instance works off the queue (an instance that only answers webhooks can leave it to others).</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>How often each kind looks for due work when nothing woke it (retries, other instances' work, expired leases).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// On PostgreSQL, how often this instance looks for instances that died with work claimed, and frees that work
    /// (their database session, and with it their liveness lock, is gone). An instance counts as dead when its lock has
    /// stayed free for twice this long, so work a killed process held is free again within about three times this.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan DeadInstanceCheck { get; set; } = TimeSpan.FromSeconds(5);
}
