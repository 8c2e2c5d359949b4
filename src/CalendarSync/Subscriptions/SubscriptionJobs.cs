using PresenceBot.CalendarSync.Notifications;
using PresenceBot.CalendarSync.Processing;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.CalendarSync.Subscriptions;

/// <summary>The recurring calendar jobs: keep subscriptions alive, re-read everyone daily, pick up stranded inbox entries.</summary>
internal sealed class SubscriptionJobs(SubscriptionManager subscriptions, CalendarSyncScheduler scheduler, INotificationInbox inbox, IOrganisationSource organisation)
{
    public const string RenewJobId = "calendar-subscriptions";
    public const string DailyResyncJobId = "calendar-daily-resync";
    public const string SweepJobId = "calendar-inbox-sweep";

    /// <summary>Renews what is due and creates what is missing (a failed creation is retried here).</summary>
    public async Task RenewAndReconcileAsync(CancellationToken cancellationToken)
    {
        await subscriptions.RenewDueAsync(cancellationToken).ConfigureAwait(false);
        await subscriptions.ReconcileAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A full re-read of every coupled person, so nothing a lost notification hid survives a night.</summary>
    public Task ResyncEveryoneAsync(CancellationToken cancellationToken)
    {
        foreach (var person in organisation.Current.People.Where(p => p.CalendarCoupling != CalendarCoupling.Off))
        {
            cancellationToken.ThrowIfCancellationRequested();
            scheduler.Request(person.Id, full: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>Entries recorded but not processed (a lost job, a crash) get their re-read.</summary>
    public async Task SweepInboxAsync(CancellationToken cancellationToken)
    {
        foreach (var personId in await inbox.PeopleWithPendingAsync(cancellationToken).ConfigureAwait(false))
        {
            scheduler.Request(personId);
        }
    }
}
