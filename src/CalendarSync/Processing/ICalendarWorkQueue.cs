namespace PresenceBot.CalendarSync.Processing;

/// <summary>
/// Where the calendar coupling leaves work for later: the host's durable work queue. It runs a person's re-reads one
/// at a time (also across instances), retries a failing one with back-off without holding up anyone else, and
/// hands each item back to <see cref="CalendarWorkRunner"/>.
/// </summary>
public interface ICalendarWorkQueue
{
    /// <summary>
    /// Records all of <paramref name="work"/> in one transaction, or throws. Asking again for what is waiting adds
    /// nothing; asking for a person whose re-read is running makes one more re-read follow it.
    /// </summary>
    Task RequestAsync(IReadOnlyCollection<CalendarWork> work, CancellationToken cancellationToken);
}
