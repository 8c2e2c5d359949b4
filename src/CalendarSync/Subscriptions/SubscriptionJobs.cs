using Hangfire;
using PresenceBot.CalendarSync.Processing;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.CalendarSync.Subscriptions;

/// <summary>The recurring calendar jobs: keep subscriptions alive, re-read everyone daily.</summary>
internal sealed class SubscriptionJobs(SubscriptionManager subscriptions, ICalendarWorkQueue work, IOrganisationSource organisation)
{
    public const string RenewJobId = "calendar-subscriptions";
    public const string DailyResyncJobId = "calendar-daily-resync";

    /// <summary>The minutely sweep of the inbox that was: the work queue needs none. Removed from Hangfire's storage at start.</summary>
    public const string RetiredSweepJobId = "calendar-inbox-sweep";

    /// <summary>
    /// Renews what is due and creates what is missing (a failed creation is retried here). Not retried by Hangfire: the
    /// next round, 30 minutes later, is the retry, so Graph down for hours leaves no pile of retrying or failed jobs.
    /// </summary>
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task RenewAndReconcileAsync(CancellationToken cancellationToken)
    {
        await subscriptions.RenewDueAsync(cancellationToken).ConfigureAwait(false);
        await subscriptions.ReconcileAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A full re-read of every coupled person, so nothing a lost notification hid survives a night.</summary>
    public Task ResyncEveryoneAsync(CancellationToken cancellationToken) =>
        work.RequestAsync(
            organisation.Current.People.Where(p => p.CalendarCoupling != CalendarCoupling.Off).Select(p => CalendarWork.Reread(p.Id, full: true)).ToList(),
            cancellationToken);
}
