using System.Collections.Concurrent;

namespace PresenceBot.CalendarSync.Subscriptions;

/// <summary>
/// Known subscriptions by id, cached so the webhook answers in milliseconds; a miss (one made by another
/// instance) is read from the store, and an id the store does not know either is remembered briefly
/// (<see cref="UnknownSubscriptions"/>). Changes made here update the cache as they are written; an entry is read again
/// after <see cref="CachedFor"/>, so one another instance removed stops being accepted here within that time.
/// </summary>
internal sealed class SubscriptionDirectory(ISubscriptionStore store, UnknownSubscriptions unknown, TimeProvider time)
{
    public static readonly TimeSpan CachedFor = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (CalendarSubscription Subscription, long ReadAt)> _known = new(StringComparer.Ordinal);

    /// <summary>True when <see cref="FindAsync"/> would have to ask the store (neither known nor recently unknown).</summary>
    public bool NeedsLookup(string subscriptionId) =>
        !(_known.TryGetValue(subscriptionId, out var cached) && time.GetElapsedTime(cached.ReadAt) < CachedFor) && !unknown.Contains(subscriptionId);

    public async ValueTask<CalendarSubscription?> FindAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(subscriptionId, out var cached) && time.GetElapsedTime(cached.ReadAt) < CachedFor)
        {
            return cached.Subscription;
        }

        if (unknown.Contains(subscriptionId))
        {
            return null;
        }

        var stored = await store.FindAsync(subscriptionId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            _known.TryRemove(subscriptionId, out _);
            unknown.Remember(subscriptionId);
        }
        else
        {
            Remember(stored);
        }

        return stored;
    }

    public async Task SaveAsync(CalendarSubscription subscription, CancellationToken cancellationToken)
    {
        await store.SaveAsync(subscription, cancellationToken).ConfigureAwait(false);
        Remember(subscription);
        unknown.Forget(subscription.Id);
    }

    public async Task DeleteAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        _known.TryRemove(subscriptionId, out _);
        await store.DeleteAsync(subscriptionId, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<CalendarSubscription>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    private void Remember(CalendarSubscription subscription) => _known[subscription.Id] = (subscription, time.GetTimestamp());
}
