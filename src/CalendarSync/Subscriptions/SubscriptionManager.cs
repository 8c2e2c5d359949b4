using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using PresenceBot.CalendarSync.Coordination;
using PresenceBot.CalendarSync.Graph;
using PresenceBot.CalendarSync.Processing;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.CalendarSync.Subscriptions;

/// <summary>
/// Keeps one Graph subscription per coupled person: creates what is missing, removes what is no longer
/// wanted (coupling off, person gone), renews before expiry and recreates what Graph has forgotten.
/// </summary>
internal sealed class SubscriptionManager(
    SubscriptionDirectory subscriptions,
    ISubscriptionClient graph,
    IOrganisationSource organisation,
    WebhookUrls webhooks,
    ICalendarWorkQueue work,
    IClusterLock clusterLock,
    IOptions<GraphOptions> options,
    TimeProvider time,
    ILogger<SubscriptionManager> logger)
{
    /// <summary>Graph lets a mailbox have only a few requests in flight; subscription creation stays well below.</summary>
    private const int Parallelism = 4;

    /// <summary>Clocks differ: ask a little under Graph's limit so the request is never refused for it.</summary>
    private static readonly Duration ClockMargin = Duration.FromMinutes(2);

    private Instant Now => Instant.FromDateTimeOffset(time.GetUtcNow());

    /// <summary>Brings Graph's subscriptions in line with the organisation; returns how many were created and removed.</summary>
    /// <param name="readNewSubscribers">
    /// False when the caller reads the new subscribers' calendars itself (the start-up first sync in $batch);
    /// otherwise each new subscriber gets a re-read, since changes before the subscription reached no webhook.
    /// </param>
    public async Task<(int Created, int Removed)> ReconcileAsync(CancellationToken cancellationToken, bool readNewSubscribers = true)
    {
        // One at a time on every instance together: two overlapping rounds would both see a person unsubscribed and
        // subscribe twice. The second round waits and then reads the first one's subscriptions.
        await using var held = await clusterLock.AcquireAsync(ClusterLockNames.SubscriptionReconcile, cancellationToken).ConfigureAwait(false);
        return await ReconcileOnceAsync(readNewSubscribers, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(int Created, int Removed)> ReconcileOnceAsync(bool readNewSubscribers, CancellationToken cancellationToken)
    {
        var wanted = organisation.Current.People.Where(p => p.CalendarCoupling != CalendarCoupling.Off).ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
        var actual = await subscriptions.ListAsync(cancellationToken).ConfigureAwait(false);
        var now = Now;

        // Another instance may have subscribed the same person at the same moment: keep the newest only.
        var duplicates = actual.GroupBy(s => s.PersonId, StringComparer.OrdinalIgnoreCase).SelectMany(g => g.OrderByDescending(s => s.ExpiresAt).Skip(1));
        var unwanted = actual.Where(s => !wanted.ContainsKey(s.PersonId) || s.ExpiresAt <= now).Union(duplicates).ToList();
        var rereads = new List<CalendarWork>();
        foreach (var subscription in unwanted)
        {
            await graph.DeleteAsync(subscription.Id, cancellationToken).ConfigureAwait(false);
            await subscriptions.DeleteAsync(subscription.Id, cancellationToken).ConfigureAwait(false);
            CalendarSyncLog.Unsubscribed(logger, subscription.PersonId, subscription.Id);
            if (organisation.Current.FindPerson(subscription.PersonId) is not null)
            {
                // Coupling turned off (or the subscription lapsed): the calendar's referrals must be re-judged.
                rereads.Add(CalendarWork.Reread(subscription.PersonId, full: true));
            }
        }

        await work.RequestAsync(rereads, cancellationToken).ConfigureAwait(false);
        var covered = actual.Except(unwanted).Select(s => s.PersonId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = wanted.Values.Where(p => !covered.Contains(p.Id)).ToList();
        var created = 0;
        await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (person, ct) =>
        {
            if (await TryCreateAsync(person.Id, readNewSubscribers, ct).ConfigureAwait(false))
            {
                Interlocked.Increment(ref created);
            }
        }).ConfigureAwait(false);

        return (created, unwanted.Count);
    }

    /// <summary>Renews every subscription that expires within <c>Graph:RenewBeforeMinutes</c>.</summary>
    public async Task<int> RenewDueAsync(CancellationToken cancellationToken)
    {
        var due = Now + Duration.FromMinutes(options.Value.RenewBeforeMinutes);
        var renewed = 0;
        foreach (var subscription in (await subscriptions.ListAsync(cancellationToken).ConfigureAwait(false)).Where(s => s.ExpiresAt <= due))
        {
            if (await RenewAsync(subscription.Id, cancellationToken).ConfigureAwait(false))
            {
                renewed++;
            }
        }

        return renewed;
    }

    /// <summary>Renews one (reauthorizationRequired, or due); recreates it when Graph no longer knows it.</summary>
    public async Task<bool> RenewAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        if (await subscriptions.FindAsync(subscriptionId, cancellationToken).ConfigureAwait(false) is not { } subscription)
        {
            return false;
        }

        var expiresAt = Expiry();
        try
        {
            if (!await graph.RenewAsync(subscriptionId, expiresAt, cancellationToken).ConfigureAwait(false))
            {
                await RecreateAsync(subscriptionId, cancellationToken).ConfigureAwait(false);
                return false;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or Microsoft.Kiota.Abstractions.ApiException)
        {
            CalendarSyncLog.RenewFailed(logger, subscriptionId, ex);
            return false;
        }

        await subscriptions.SaveAsync(subscription with { ExpiresAt = expiresAt }, cancellationToken).ConfigureAwait(false);
        CalendarSyncLog.Renewed(logger, subscriptionId, InstantPattern.ExtendedIso.Format(expiresAt));
        return true;
    }

    /// <summary>Graph dropped a subscription (subscriptionRemoved, or 404 on renewal): make a new one and re-read the calendar.</summary>
    public async Task RecreateAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        if (await subscriptions.FindAsync(subscriptionId, cancellationToken).ConfigureAwait(false) is not { } old)
        {
            return;
        }

        CalendarSyncLog.SubscriptionGone(logger, subscriptionId, old.PersonId);
        await subscriptions.DeleteAsync(subscriptionId, cancellationToken).ConfigureAwait(false);
        if (organisation.Current.FindPerson(old.PersonId) is { CalendarCoupling: not CalendarCoupling.Off })
        {
            await TryCreateAsync(old.PersonId, readCalendar: false, cancellationToken).ConfigureAwait(false);
        }

        // Whatever happened while the subscription was gone is only in the calendar itself.
        await work.RequestAsync([CalendarWork.Reread(old.PersonId, full: true)], cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> TryCreateAsync(string personId, bool readCalendar, CancellationToken cancellationToken)
    {
        var resource = $"/users/{personId}/events";
        var clientState = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        try
        {
            var (id, expiresAt) = await graph.CreateAsync(resource, webhooks.Notifications, webhooks.Lifecycle, clientState, Expiry(), cancellationToken)
                .ConfigureAwait(false);
            await subscriptions.SaveAsync(new CalendarSubscription(id, personId, resource, clientState, expiresAt, Now), cancellationToken).ConfigureAwait(false);
            CalendarSyncLog.Subscribed(logger, personId, id, InstantPattern.ExtendedIso.Format(expiresAt));

            if (readCalendar)
            {
                // Changes made before the subscription existed reached no webhook.
                await work.RequestAsync([CalendarWork.Reread(personId)], cancellationToken).ConfigureAwait(false);
            }
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or Microsoft.Kiota.Abstractions.ApiException or InvalidOperationException)
        {
            CalendarSyncLog.SubscribeFailed(logger, personId, ex);
            return false;
        }
    }

    private Instant Expiry() => Now + Duration.FromMinutes(Math.Min(options.Value.SubscriptionMinutes, 4230)) - ClockMargin;
}
