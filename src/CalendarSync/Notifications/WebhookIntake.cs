using Microsoft.Extensions.Logging;
using PresenceBot.CalendarSync.Processing;
using PresenceBot.CalendarSync.Subscriptions;
using PresenceBot.CalendarSync.WriteBack;

namespace PresenceBot.CalendarSync.Notifications;

/// <summary>
/// Checks each notification and records what the good ones ask for — a re-read of each person named, once, and the
/// lifecycle events' subscription repairs — in the durable work queue, in one transaction, before the 202. Only ids
/// are kept, never anything from the booking: the re-read asks Graph what is true. Nothing here waits for scheduled work:
/// the answer costs the checks, at most <see cref="MaxLookupsPerRequest"/> store look-ups and one insert. The echo of a
/// write of our own (<see cref="OwnWriteEchoes"/>) is accepted and asks for nothing.
/// </summary>
internal sealed class WebhookIntake(
    SubscriptionDirectory subscriptions,
    ICalendarWorkQueue work,
    OwnWriteEchoes echoes,
    NotificationCounters counters,
    DiscardWarnings warnings,
    ILogger<WebhookIntake> logger)
{
    /// <summary>
    /// Subscription ids one request may make us look up in the store (ids this instance neither knows nor has just
    /// found unknown). Graph's requests name our own subscriptions, which are cached; past this many strangers in one
    /// request the directory reads all stored subscriptions once (at most once a second) and the rest that are still
    /// strangers are discarded, so a body full of made-up ids costs a handful of queries, not thousands.
    /// </summary>
    public const int MaxLookupsPerRequest = 16;

    /// <summary>False when nothing could be recorded (the caller answers 503 so Graph retries).</summary>
    public async Task<bool> RecordAsync(IReadOnlyList<NotificationPayload?> items, bool lifecycle, CancellationToken cancellationToken)
    {
        var accepted = new List<CalendarWork>(items.Count);
        var lookups = 0;
        foreach (var item in items)
        {
            if (await CheckAsync(item, lifecycle, () => ++lookups <= MaxLookupsPerRequest, cancellationToken).ConfigureAwait(false) is not { } entry)
            {
                continue;
            }

            if (!lifecycle && echoes.IsEcho(item!.ChangeType, item.ResourceData?.Id, item.ResourceData?.ETag))
            {
                counters.Echo();
                continue;
            }

            accepted.Add(entry);
        }

        if (accepted.Count == 0)
        {
            return true;
        }

        // A burst for one person is one re-read: the full one if any notification asked for it.
        var distinct = accepted.GroupBy(w => (w.IsReread, w.Id))
            .Select(g => g.Key.IsReread ? CalendarWork.Reread(g.Key.Id, g.Any(w => w.Kind == CalendarWorkKind.FullReread)) : g.Last())
            .ToList();
        try
        {
            await work.RequestAsync(distinct, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Any storage failure: nothing was recorded, so Graph must send it again.
            CalendarSyncLog.NotificationsNotRecorded(logger, accepted.Count, ex);
            return false;
        }

        counters.Accept(accepted.Count);
        return true;
    }

    /// <summary>Refuses a request with more items than Graph ever sends (before any look-up), counted and warned about like a discard.</summary>
    public void RefuseOversized() => Discard("too many notifications in one request", null);

    private async Task<CalendarWork?> CheckAsync(NotificationPayload? item, bool lifecycle, Func<bool> mayLookUp, CancellationToken cancellationToken)
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

        if (subscriptions.NeedsLookup(subscriptionId) && !mayLookUp())
        {
            // Past the budget: one read of every stored subscription (throttled) rather than losing one of ours.
            await subscriptions.ReadAllAsync(cancellationToken).ConfigureAwait(false);
            if (subscriptions.NeedsLookup(subscriptionId))
            {
                return Discard("unknown subscription", subscriptionId);
            }
        }

        if (await subscriptions.FindAsync(subscriptionId, cancellationToken).ConfigureAwait(false) is not { } subscription)
        {
            return Discard("unknown subscription", subscriptionId);
        }

        if (!GraphWebhookEndpoints.SameSecret(item.ClientState, subscription.ClientState))
        {
            return Discard("wrong clientState", subscriptionId);
        }

        return kind switch
        {
            LifecycleEventNames.ReauthorizationRequired => new CalendarWork(CalendarWorkKind.RenewSubscription, subscription.Id),
            LifecycleEventNames.SubscriptionRemoved => new CalendarWork(CalendarWorkKind.RecreateSubscription, subscription.Id),
            // Missed notifications: only the whole window tells what they said.
            LifecycleEventNames.Missed => CalendarWork.Reread(subscription.PersonId, full: true),
            _ => CalendarWork.Reread(subscription.PersonId),
        };
    }

    private CalendarWork? Discard(string why, string? subscriptionId)
    {
        counters.Discard(why);
        warnings.Warn(why, subscriptionId);
        return null;
    }
}
