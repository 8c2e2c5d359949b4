using System.Collections.Concurrent;

namespace PresenceBot.GraphStandIn.Stats;

/// <summary>Lock-free counters behind <see cref="StandInStats"/>.</summary>
internal sealed class StatsCounters
{
    private readonly ConcurrentDictionary<string, long> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _groupDelta = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _failures = new();
    private long _queued;
    private long _posts;
    private long _acknowledged;
    private long _retried;
    private long _failed;
    private long _inFlight;
    private long _lifecycle;
    private long _validationsSucceeded;
    private long _validationsFailed;
    private long _faults;

    public long InFlight => Interlocked.Read(ref _inFlight);

    public void Request(string kind) => _requests.AddOrUpdate(kind, 1, (_, n) => n + 1);

    /// <summary>One groups/delta call: "full" (no token), "page" (a nextLink), "changes" (a deltaLink) or "resync" (410).</summary>
    public void GroupDelta(string round) => _groupDelta.AddOrUpdate(round, 1, (_, n) => n + 1);

    public void Queued(int items)
    {
        Interlocked.Add(ref _queued, items);
        Interlocked.Add(ref _inFlight, items);
    }

    public void Posted() => Interlocked.Increment(ref _posts);

    public void Retried() => Interlocked.Increment(ref _retried);

    public void Acknowledged(int items)
    {
        Interlocked.Add(ref _acknowledged, items);
        Interlocked.Add(ref _inFlight, -items);
    }

    public void Failed(int items, string why)
    {
        Interlocked.Add(ref _failed, items);
        Interlocked.Add(ref _inFlight, -items);
        _failures.Enqueue(why);
        while (_failures.Count > 100 && _failures.TryDequeue(out _))
        {
        }
    }

    public void Lifecycle() => Interlocked.Increment(ref _lifecycle);

    public void Validation(bool succeeded) =>
        Interlocked.Increment(ref succeeded ? ref _validationsSucceeded : ref _validationsFailed);

    public void Fault() => Interlocked.Increment(ref _faults);

    public StandInStats Snapshot() => new()
    {
        RequestsByKind = new SortedDictionary<string, long>(_requests, StringComparer.Ordinal),
        GroupDeltaCalls = new SortedDictionary<string, long>(_groupDelta, StringComparer.Ordinal),
        NotificationsQueued = Interlocked.Read(ref _queued),
        NotificationPosts = Interlocked.Read(ref _posts),
        NotificationsAcknowledged = Interlocked.Read(ref _acknowledged),
        NotificationsRetried = Interlocked.Read(ref _retried),
        NotificationsFailed = Interlocked.Read(ref _failed),
        NotificationsInFlight = Interlocked.Read(ref _inFlight),
        LifecycleNotificationsSent = Interlocked.Read(ref _lifecycle),
        ValidationsSucceeded = Interlocked.Read(ref _validationsSucceeded),
        ValidationsFailed = Interlocked.Read(ref _validationsFailed),
        FaultsInjected = Interlocked.Read(ref _faults),
        RecentFailures = [.. _failures],
    };
}
