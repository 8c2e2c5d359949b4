using PresenceBot.CalendarSync.Processing;

namespace PresenceBot.Tests.Publishing;

/// <summary>The calendar work queue, recording what is asked of it (re-reads after a hand-over) instead of doing it.</summary>
internal sealed class RecordingCalendarQueue : ICalendarWorkQueue
{
    public List<CalendarWork> Requested { get; } = [];

    public Task RequestAsync(IReadOnlyCollection<CalendarWork> work, CancellationToken cancellationToken)
    {
        Requested.AddRange(work);
        return Task.CompletedTask;
    }
}
