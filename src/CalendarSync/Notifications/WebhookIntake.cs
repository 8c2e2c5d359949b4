using Microsoft.Extensions.Logging;
using NodaTime;
using PresenceBot.CalendarSync.Processing;
using PresenceBot.CalendarSync.Subscriptions;

namespace PresenceBot.CalendarSync.Notifications;

/// <summary>Checks each notification, records the good ones in one transaction and asks for their re-reads.</summary>
internal sealed class WebhookIntake(
    SubscriptionDirectory subscriptions,
    INotificationInbox inbox,
    CalendarSyncScheduler scheduler,
    NotificationCounters counters,
    TimeProvider time,
    ILogger<WebhookIntake> logger)
{
    /// <summary>False when nothing could be recorded (the caller answers 503 so Graph retries).</summary>
    public async Task<bool> RecordAsync(IReadOnlyList<NotificationPayload?> items, bool lifecycle, CancellationToken cancellationToken)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var accepted = new List<InboxEntry>(items.Count);
        foreach (var item in items)
        {
            if (await CheckAsync(item, lifecycle, now, cancellationToken).ConfigureAwait(false) is { } entry)
            {
                accepted.Add(entry);
            }
        }

        if (accepted.Count == 0)
        {
            return true;
        }

        try
        {
            await inbox.AppendAsync(accepted, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Any storage failure: nothing was recorded, so Graph must send it again.
            CalendarSyncLog.InboxWriteFailed(logger, accepted.Count, ex);
            return false;
        }

        counters.Accept(accepted.Count);
        foreach (var personId in accepted.Select(e => e.PersonId).Distinct(StringComparer.Ordinal))
        {
            scheduler.Request(personId);
        }

        return true;
    }

    private async Task<InboxEntry?> CheckAsync(NotificationPayload? item, bool lifecycle, Instant now, CancellationToken cancellationToken)
    {
        if (item?.SubscriptionId is not { Length: > 0 and <= 128 } subscriptionId)
        {
            return Discard("no subscription id", item?.SubscriptionId);
        }

        var kind = lifecycle ? GraphWebhookEndpoints.LifecycleEvent(item.LifecycleEvent) : (GraphWebhookEndpoints.IsChangeType(item.ChangeType) ? item.ChangeType!.ToLowerInvariant() : null);
        if (kind is null)
        {
            return Discard(lifecycle ? "unknown lifecycle event" : "unknown change type", subscriptionId);
        }

        if (await subscriptions.FindAsync(subscriptionId, cancellationToken).ConfigureAwait(false) is not { } subscription)
        {
            return Discard("unknown subscription", subscriptionId);
        }

        if (!GraphWebhookEndpoints.SameSecret(item.ClientState, subscription.ClientState))
        {
            return Discard("wrong clientState", subscriptionId);
        }

        var eventId = item.ResourceData?.Id is { Length: <= 512 } id ? id : null;
        return new InboxEntry(Guid.NewGuid(), now, subscription.PersonId, subscription.Id, kind, eventId);
    }

    private InboxEntry? Discard(string why, string? subscriptionId)
    {
        counters.Discard(why);
        CalendarSyncLog.NotificationDiscarded(logger, why, subscriptionId is { Length: <= 128 } ? subscriptionId : null);
        return null;
    }
}
