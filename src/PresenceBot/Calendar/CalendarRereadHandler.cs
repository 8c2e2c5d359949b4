using PresenceBot.CalendarSync.Processing;
using PresenceBot.WorkQueue;

namespace PresenceBot.Calendar;

/// <summary>Runs a queued re-read of one person's calendar.</summary>
internal sealed class CalendarRereadHandler(CalendarWorkRunner runner, CalendarWorkKinds kinds) : IWorkHandler
{
    public WorkKind Kind => kinds.Reread;

    public Task HandleAsync(WorkItem item, CancellationToken cancellationToken) =>
        runner.RunAsync(CalendarWork.Reread(item.Key, item.Payload == QueuedCalendarWork.Full), cancellationToken);
}
