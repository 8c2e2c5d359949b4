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

    /// <summary>How often at most <see cref="ReadAllAsync"/> reads the whole store, however many strangers arrive.</summary>
    public static readonly TimeSpan ReadAllAtMostEvery = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _readingAll = new(1, 1);
    private long _allReadAt = long.MinValue;

    /// <summary>
    /// True when the id is a stranger here: neither known (a stale entry is ours and is read again whatever the budget)
    /// nor recently found unknown.
    /// </summary>
    public bool NeedsLookup(string subscriptionId) => !_known.ContainsKey(subscriptionId) && !unknown.Contains(subscriptionId);

    /// <summary>
    /// Learns every stored subscription in one query — what a request with more strangers than its look-ups may use
    /// does instead of discarding them (a cold instance after a restart gets Graph batches naming many of ours). At most
    /// once per <see cref="ReadAllAtMostEvery"/>, so a flood of made-up ids costs one query a second.
    /// </summary>
    public async Task ReadAllAsync(CancellationToken cancellationToken)
    {
        await _readingAll.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var last = Interlocked.Read(ref _allReadAt);
            if (last != long.MinValue && time.GetElapsedTime(last) < ReadAllAtMostEvery)
            {
                return;
            }

            await ListAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref _allReadAt, time.GetTimestamp());
        }
        finally
        {
            _readingAll.Release();
        }
    }

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

    /// <summary>Every stored subscription, each remembered (the start-up reconcile and renewal rounds warm the cache).</summary>
    public async Task<IReadOnlyList<CalendarSubscription>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var subscription in all)
        {
            Remember(subscription);
            unknown.Forget(subscription.Id);
        }

        return all;
    }

    private void Remember(CalendarSubscription subscription) => _known[subscription.Id] = (subscription, time.GetTimestamp());
}
