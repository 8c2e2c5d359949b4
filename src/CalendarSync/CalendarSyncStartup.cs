using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PresenceBot.CalendarSync.Membership;
using PresenceBot.CalendarSync.Processing;
using PresenceBot.CalendarSync.Subscriptions;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.CalendarSync;

/// <summary>
/// Once the app listens (Graph validates our webhook while a subscription is created): registers the
/// recurring jobs, reconciles subscriptions and re-reads every coupled calendar (what a previous process accepted
/// but did not finish waits in the work queue, which needs no help for that).
/// </summary>
internal sealed class CalendarSyncStartup(
    IHostApplicationLifetime lifetime,
    IRecurringJobManager recurring,
    SubscriptionManager subscriptions,
    GroupMembershipJob groupMembers,
    ICalendarWorkQueue work,
    PersonCalendarSync sync,
    ICalendarSyncStateStore states,
    IOrganisationSource organisation,
    IOptions<GroupMembershipOptions> groupOptions,
    ILogger<CalendarSyncStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(organisation.Current.TimeZone.Id, out var found) ? found : TimeZoneInfo.Utc;
        recurring.AddOrUpdate<SubscriptionJobs>(SubscriptionJobs.RenewJobId, j => j.RenewAndReconcileAsync(CancellationToken.None), "*/30 * * * *");
        recurring.AddOrUpdate<SubscriptionJobs>(
            SubscriptionJobs.DailyResyncJobId, j => j.ResyncEveryoneAsync(CancellationToken.None), "30 2 * * *", new RecurringJobOptions { TimeZone = zone });
        recurring.RemoveIfExists(SubscriptionJobs.RetiredSweepJobId);
        recurring.AddOrUpdate<GroupMembershipJob>(
            GroupMembershipJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), $"*/{groupOptions.Value.PollMinutes} * * * *");

        if (!await WaitForStartAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        var couplings = Couplings();
        organisation.Changed += (_, _) => couplings = OnOrganisationChanged(couplings, stoppingToken);

        try
        {
            // Group members first: they are people to subscribe for.
            await groupMembers.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The stored members are in force already; the recurring job reads the groups again.
            CalendarSyncLog.StartupFailed(logger, ex);
        }

        try
        {
            // Subscribe first, then read: what changes after the subscription reaches the webhook, what was
            // there before is in the read. Everyone never read is read in $batch; everyone read before (a
            // restart) gets an incremental re-read for what changed while we were down.
            await subscriptions.ReconcileAsync(stoppingToken, readNewSubscribers: false).ConfigureAwait(false);
            var readBefore = await states.SyncedPeopleAsync(stoppingToken).ConfigureAwait(false);
            await FirstSyncAsync(readBefore, stoppingToken).ConfigureAwait(false);
            await work.RequestAsync(
                organisation.Current.People.Where(p => p.CalendarCoupling != CalendarCoupling.Off && readBefore.Contains(p.Id)).Select(p => CalendarWork.Reread(p.Id)).ToList(),
                stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The recurring reconcile retries within 30 minutes; a start-up hiccup must not stop the host.
            CalendarSyncLog.StartupFailed(logger, ex);
        }
    }

    /// <summary>Reads everyone never read before in $batch requests, four groups at a time.</summary>
    private async Task FirstSyncAsync(IReadOnlySet<string> synced, CancellationToken stoppingToken)
    {
        var unread = organisation.Current.People.Where(p => p.CalendarCoupling != CalendarCoupling.Off && !synced.Contains(p.Id)).ToList();
        await Parallel.ForEachAsync(unread.Chunk(100), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = stoppingToken },
            async (group, ct) => await sync.FirstSyncAsync(group, ct).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>
    /// A new organisation file: subscriptions follow it (joiners coupled, leavers and "off" uncoupled), and
    /// everyone whose coupling changed is re-read so their phone state follows too.
    /// </summary>
    private Dictionary<string, CalendarCoupling> OnOrganisationChanged(Dictionary<string, CalendarCoupling> before, CancellationToken stoppingToken)
    {
        var after = Couplings();
        var changed = after.Where(p => p.Value != CalendarCoupling.Off && (!before.TryGetValue(p.Key, out var previous) || previous != p.Value))
            .Select(p => CalendarWork.Reread(p.Key, full: true))
            .ToList();

        // At once, in this process: whoever changed the file expects it to act now, not at the next job round.
        _ = Task.Run(() => ReconcileAsync(changed, stoppingToken), stoppingToken);
        return after;
    }

    private async Task ReconcileAsync(IReadOnlyCollection<CalendarWork> rereads, CancellationToken stoppingToken)
    {
        try
        {
            await work.RequestAsync(rereads, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The daily full re-read catches up with whoever was not queued.
            CalendarSyncLog.WorkNotQueued(logger, rereads.Count, ex);
        }

        try
        {
            await subscriptions.ReconcileAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The recurring reconcile tries again within 30 minutes.
            CalendarSyncLog.ReconcileFailed(logger, ex);
        }
    }

    private Dictionary<string, CalendarCoupling> Couplings() =>
        organisation.Current.People.ToDictionary(p => p.Id, p => p.CalendarCoupling, StringComparer.OrdinalIgnoreCase);

    private async Task<bool> WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task.ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
