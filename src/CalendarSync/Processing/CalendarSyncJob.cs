using Hangfire;
using Microsoft.Extensions.Logging;
using NodaTime;
using PresenceBot.CalendarSync.Notifications;
using PresenceBot.CalendarSync.Subscriptions;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.CalendarSync.Processing;

/// <summary>
/// The Hangfire job that works off a person's inbox: lifecycle events first, then one re-read of the
/// calendar, then the entries are marked processed. Entries arriving meanwhile make it go round again.
/// If it fails, the entries stay unprocessed and Hangfire retries; after a crash the sweep finds them.
/// </summary>
internal sealed class CalendarSyncJob(
    CalendarSyncScheduler scheduler,
    PersonCalendarSync sync,
    INotificationInbox inbox,
    SubscriptionManager subscriptions,
    IOrganisationSource organisation,
    TimeProvider time,
    ILogger<CalendarSyncJob> logger)
{
    private Instant Now => Instant.FromDateTimeOffset(time.GetUtcNow());

    [AutomaticRetry(Attempts = 5)]
    public async Task RunAsync(string personId, CancellationToken cancellationToken)
    {
        if (!scheduler.TryBegin(personId, out var full))
        {
            return;
        }

        try
        {
            do
            {
                var startedAt = Now;
                var pending = await inbox.PendingAsync(personId, startedAt, cancellationToken).ConfigureAwait(false);
                full |= await HandleLifecycleAsync(pending, cancellationToken).ConfigureAwait(false);
                if (organisation.Current.FindPerson(personId) is { } person)
                {
                    await sync.SyncAsync(person, full, cancellationToken).ConfigureAwait(false);
                }

                await inbox.MarkProcessedAsync(pending.Select(e => e.Id).ToList(), Now, cancellationToken).ConfigureAwait(false);
            }
            while (scheduler.Continue(personId, out full));
        }
        catch (Exception ex)
        {
            // Logged and rethrown: Hangfire's retry and the inbox sweep take it from here; nothing is lost.
            scheduler.Abandon(personId);
            CalendarSyncLog.SyncFailed(logger, personId, ex);
            throw;
        }
    }

    /// <summary>Returns true when the whole window must be read (something may have been missed).</summary>
    private async Task<bool> HandleLifecycleAsync(IReadOnlyList<InboxEntry> pending, CancellationToken cancellationToken)
    {
        var full = false;
        foreach (var entry in pending.Where(e => e.IsLifecycle).DistinctBy(e => (e.SubscriptionId, e.Kind)))
        {
            CalendarSyncLog.Lifecycle(logger, entry.Kind, entry.SubscriptionId);
            switch (entry.Kind)
            {
                case InboxEntry.ReauthorizationRequired:
                    await subscriptions.RenewAsync(entry.SubscriptionId, cancellationToken).ConfigureAwait(false);
                    break;
                case InboxEntry.SubscriptionRemoved:
                    await subscriptions.RecreateAsync(entry.SubscriptionId, cancellationToken).ConfigureAwait(false);
                    full = true;
                    break;
                default:
                    full = true;
                    break;
            }
        }

        return full;
    }
}
