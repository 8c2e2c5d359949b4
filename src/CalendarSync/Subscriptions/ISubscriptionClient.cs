using NodaTime;

namespace PresenceBot.CalendarSync.Subscriptions;

/// <summary>Graph's /subscriptions, reduced to what we do with it.</summary>
public interface ISubscriptionClient
{
    /// <summary>Creates a subscription; Graph validates both URLs against our webhook before answering.</summary>
    Task<(string Id, Instant ExpiresAt)> CreateAsync(
        string resource, Uri notificationUrl, Uri lifecycleUrl, string clientState, Instant expiresAt, CancellationToken cancellationToken);

    /// <summary>Moves the expiry; false when Graph no longer knows the subscription.</summary>
    Task<bool> RenewAsync(string subscriptionId, Instant expiresAt, CancellationToken cancellationToken);

    /// <summary>Deletes it; false when Graph no longer knew it.</summary>
    Task<bool> DeleteAsync(string subscriptionId, CancellationToken cancellationToken);
}
