using PresenceBot.CalendarSync.Processing;
using PresenceBot.WorkQueue;

namespace PresenceBot.Calendar;

/// <summary>Runs a queued subscription repair (Graph's reauthorizationRequired or subscriptionRemoved).</summary>
internal sealed class CalendarSubscriptionHandler(CalendarWorkRunner runner, CalendarWorkKinds kinds) : IWorkHandler
{
    public WorkKind Kind => kinds.Subscription;

    public Task HandleAsync(WorkItem item, CancellationToken cancellationToken) =>
        runner.RunAsync(
            new CalendarWork(Enum.TryParse<CalendarWorkKind>(item.Payload, out var kind) ? kind : CalendarWorkKind.RenewSubscription, item.Key),
            cancellationToken);
}
