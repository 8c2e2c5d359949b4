namespace PresenceBot.GraphStandIn.Calendars;

/// <summary>The latest version of an event and the sequence of the change that made it (delta compares these).</summary>
internal sealed record CalendarEntry(StandInEvent Event, long Sequence, bool Deleted);
