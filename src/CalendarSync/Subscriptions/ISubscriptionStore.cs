namespace PresenceBot.CalendarSync.Subscriptions;

/// <summary>The subscriptions we believe Graph holds for us.</summary>
public interface ISubscriptionStore
{
    Task<IReadOnlyList<CalendarSubscription>> ListAsync(CancellationToken cancellationToken);

    Task<CalendarSubscription?> FindAsync(string subscriptionId, CancellationToken cancellationToken);

    /// <summary>Adds or replaces (by id).</summary>
    Task SaveAsync(CalendarSubscription subscription, CancellationToken cancellationToken);

    Task DeleteAsync(string subscriptionId, CancellationToken cancellationToken);
}
