namespace PresenceBot.GraphStandIn.Stats;

/// <summary>
/// Counters a test or load run reads (in-process or at <c>GET /dev/stats</c>). Notifications are counted per item
/// (one change for one subscription), posts per HTTP request; a batched post carries several items.
/// </summary>
public sealed record StandInStats
{
    public required IReadOnlyDictionary<string, long> RequestsByKind { get; init; }

    /// <summary>
    /// groups/delta calls by round: <c>full</c> (a first read, no token), <c>page</c> (a nextLink), <c>changes</c>
    /// (a deltaLink) and <c>resync</c> (a token refused with 410). A test tells a full read from a delta read here.
    /// </summary>
    public required IReadOnlyDictionary<string, long> GroupDeltaCalls { get; init; }

    public required long NotificationsQueued { get; init; }

    public required long NotificationPosts { get; init; }

    public required long NotificationsAcknowledged { get; init; }

    public required long NotificationsRetried { get; init; }

    public required long NotificationsFailed { get; init; }

    public required long NotificationsInFlight { get; init; }

    public required long LifecycleNotificationsSent { get; init; }

    public required long ValidationsSucceeded { get; init; }

    public required long ValidationsFailed { get; init; }

    public required long FaultsInjected { get; init; }

    /// <summary>Why the most recent given-up notifications failed (newest last, at most 100).</summary>
    public required IReadOnlyList<string> RecentFailures { get; init; }
}
