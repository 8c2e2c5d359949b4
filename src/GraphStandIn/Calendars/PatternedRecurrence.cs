namespace PresenceBot.GraphStandIn.Calendars;

/// <summary>Graph's <c>patternedRecurrence</c>.</summary>
public sealed record PatternedRecurrence(RecurrencePattern Pattern, RecurrenceRange Range);
