using PresenceBot.CalendarSync.Processing;
using PresenceBot.WorkQueue;

namespace PresenceBot.Calendar;

/// <summary>
/// The calendar's work in the host's work queue: a re-read is keyed by person (payload <c>full</c> when the whole
/// window must be read), a subscription repair by subscription (payload: renew or recreate).
/// </summary>
internal sealed class QueuedCalendarWork(WorkItems items, CalendarWorkKinds kinds) : ICalendarWorkQueue
{
    public const string Full = "full";

    public Task RequestAsync(IReadOnlyCollection<CalendarWork> work, CancellationToken cancellationToken) =>
        items.EnqueueAsync(work.Select(ToRequest).ToList(), cancellationToken);

    private WorkRequest ToRequest(CalendarWork work) => work.Kind switch
    {
        CalendarWorkKind.Reread => new WorkRequest(kinds.Reread, work.Id),
        CalendarWorkKind.FullReread => new WorkRequest(kinds.Reread, work.Id, Full),
        _ => new WorkRequest(kinds.Subscription, work.Id, work.Kind.ToString()),
    };
}
