using System.Collections.Concurrent;

namespace PresenceBot.GraphStandIn.Subscriptions;

/// <summary>Subscriptions by id. An expired subscription is gone, as in Graph (404 on renew, no notifications).</summary>
internal sealed class SubscriptionStore(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, StandInSubscription> _subscriptions = new(StringComparer.OrdinalIgnoreCase);

    public void Put(StandInSubscription subscription) => _subscriptions[subscription.Id] = subscription;

    public StandInSubscription? Find(string id)
    {
        if (!_subscriptions.TryGetValue(id, out var subscription))
        {
            return null;
        }

        if (subscription.ExpirationDateTime <= time.GetUtcNow())
        {
            _subscriptions.TryRemove(id, out _);
            return null;
        }

        return subscription;
    }

    public bool Remove(string id) => _subscriptions.TryRemove(id, out _);

    public IReadOnlyList<StandInSubscription> Active()
    {
        var now = time.GetUtcNow();
        return [.. _subscriptions.Values.Where(s => s.ExpirationDateTime > now).OrderBy(s => s.Id, StringComparer.Ordinal)];
    }
}
