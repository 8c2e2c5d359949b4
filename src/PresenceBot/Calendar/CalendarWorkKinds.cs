using Microsoft.Extensions.Options;
using PresenceBot.CalendarSync.Graph;
using PresenceBot.WorkQueue;

namespace PresenceBot.Calendar;

/// <summary>
/// The calendar's two kinds of queued work. Re-reads are keyed by person: however many notifications arrive for
/// someone, one re-read runs at a time (on any instance) and at most one more waits. While Graph is down each person
/// retries on their own back-off — one item per person, so the queue stays as long as the staff list.
/// </summary>
internal sealed class CalendarWorkKinds(IOptions<GraphOptions> options)
{
    /// <summary>Re-reads are keyed by person id (retention finds a leaver's dead ones by it).</summary>
    public const string RereadName = "calendar-reread";

    public WorkKind Reread { get; } = new(RereadName)
    {
        // Graph allows a few requests per mailbox and throttles per app: the configured number of re-reads at once.
        Concurrency = options.Value.EffectiveConcurrentSyncs,
        Gather = TimeSpan.FromMilliseconds(options.Value.RereadGatherMilliseconds),
        FirstRetryDelay = TimeSpan.FromSeconds(5),
        MaxRetryDelay = TimeSpan.FromMinutes(5),
        // Graph down for a day still ends in a dead letter, not in retries for ever; the nightly full re-read asks again.
        MaxAttempts = 1000,
        MaxAge = TimeSpan.FromDays(1),
    };

    public WorkKind Subscription { get; } = new("calendar-subscription") { Concurrency = 2, MaxAttempts = 10 };
}
