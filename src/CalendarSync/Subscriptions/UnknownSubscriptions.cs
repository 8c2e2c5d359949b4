using System.Collections.Concurrent;

namespace PresenceBot.CalendarSync.Subscriptions;

/// <summary>
/// Subscription ids the store did not know, remembered for <see cref="RememberFor"/> so a flood of notifications for
/// them (a misconfigured sender, an attacker, Graph still delivering for one we deleted) costs no database look-up per
/// item. Short, because another instance may have just created the subscription and not yet stored it. Bounded: at
/// <see cref="Capacity"/> nothing more is remembered until entries run out (the webhook's look-up budget per request
/// still caps the cost then).
/// </summary>
internal sealed class UnknownSubscriptions(TimeProvider time)
{
    public const int Capacity = 10_000;
    public static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _until = new(StringComparer.Ordinal);
    private long _prunedAtTicks;

    public int Count => _until.Count;

    public bool Contains(string subscriptionId)
    {
        if (!_until.TryGetValue(subscriptionId, out var until))
        {
            return false;
        }

        if (time.GetUtcNow() < until)
        {
            return true;
        }

        _until.TryRemove(KeyValuePair.Create(subscriptionId, until));
        return false;
    }

    public void Remember(string subscriptionId)
    {
        var now = time.GetUtcNow();
        if (_until.Count >= Capacity)
        {
            Prune(now);
            if (_until.Count >= Capacity)
            {
                return;
            }
        }

        _until[subscriptionId] = now + RememberFor;
    }

    public void Forget(string subscriptionId) => _until.TryRemove(subscriptionId, out _);

    /// <summary>Drops what ran out; at most once a second, so a full set under a flood is not scanned per item.</summary>
    private void Prune(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _prunedAtTicks);
        if (now.UtcTicks - last < TimeSpan.TicksPerSecond || Interlocked.CompareExchange(ref _prunedAtTicks, now.UtcTicks, last) != last)
        {
            return;
        }

        foreach (var (id, until) in _until)
        {
            if (until <= now)
            {
                _until.TryRemove(KeyValuePair.Create(id, until));
            }
        }
    }
}
