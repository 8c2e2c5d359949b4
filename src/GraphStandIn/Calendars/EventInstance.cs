using NodaTime;

namespace PresenceBot.GraphStandIn.Calendars;

/// <summary>
/// One thing calendarView returns: a single event, or one occurrence of a series (then <see cref="SeriesMasterId"/>
/// is set). Times are kept as the wall clock in the event's own zone; all-day events are floating, as in Outlook.
/// </summary>
internal sealed record EventInstance(
    string Id,
    StandInEvent Source,
    string Type,
    string? SeriesMasterId,
    LocalDateTime StartLocal,
    LocalDateTime EndLocal,
    DateTimeZone Zone)
{
    public Instant StartInstant => StartLocal.InZoneLeniently(Zone).ToInstant();

    public Instant EndInstant => EndLocal.InZoneLeniently(Zone).ToInstant();

    public bool Overlaps(Instant windowStart, Instant windowEnd) =>
        StartInstant < windowEnd && (EndInstant > windowStart || (EndInstant == StartInstant && StartInstant >= windowStart));
}
