using Microsoft.Extensions.Logging;
using PresenceBot.CalendarSync.Subscriptions;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.CalendarSync.Processing;

/// <summary>
/// Does one item of <see cref="ICalendarWorkQueue"/>'s work when the queue hands it back. Throws when it failed,
/// and the queue retries it later.
/// </summary>
internal sealed class CalendarWorkRunner(
    PersonCalendarSync sync,
    SubscriptionManager subscriptions,
    IOrganisationSource organisation,
    RereadMetrics metrics,
    TimeProvider time,
    ILogger<CalendarWorkRunner> logger)
{
    public async Task RunAsync(CalendarWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var started = time.GetTimestamp();
        try
        {
            switch (work.Kind)
            {
                case CalendarWorkKind.Reread or CalendarWorkKind.FullReread:
                    // Someone who left the organisation has nothing to read.
                    if (organisation.Current.FindPerson(work.Id) is { } person)
                    {
                        await sync.SyncAsync(person, work.Kind == CalendarWorkKind.FullReread, cancellationToken).ConfigureAwait(false);
                        metrics.Record(time.GetElapsedTime(started), work.Kind == CalendarWorkKind.FullReread, succeeded: true);
                    }

                    break;
                case CalendarWorkKind.RenewSubscription:
                    CalendarSyncLog.Lifecycle(logger, work.Kind.ToString(), work.Id);
                    await subscriptions.RenewAsync(work.Id, cancellationToken).ConfigureAwait(false);
                    break;
                case CalendarWorkKind.RecreateSubscription:
                    CalendarSyncLog.Lifecycle(logger, work.Kind.ToString(), work.Id);
                    await subscriptions.RecreateAsync(work.Id, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException && work.IsReread)
        {
            // Logged here with the person, rethrown for the queue's back-off.
            metrics.Record(time.GetElapsedTime(started), work.Kind == CalendarWorkKind.FullReread, succeeded: false);
            CalendarSyncLog.SyncFailed(logger, work.Id, ex);
            throw;
        }
    }
}
