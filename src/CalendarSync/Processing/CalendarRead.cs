using PresenceBot.CalendarSync.Mapping;

namespace PresenceBot.CalendarSync.Processing;

/// <summary>
/// One round of Graph's calendarView delta: the events that are new or changed, the ids that were removed,
/// and the link for next time. <see cref="IsFull"/> when it read the whole window from scratch.
/// </summary>
public sealed record CalendarRead(IReadOnlyList<CalendarEvent> Events, IReadOnlyList<string> RemovedIds, string DeltaLink, bool IsFull);
