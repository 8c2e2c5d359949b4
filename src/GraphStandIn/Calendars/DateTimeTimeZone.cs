namespace PresenceBot.GraphStandIn.Calendars;

/// <summary>Graph's <c>dateTimeTimeZone</c>: wall-clock time without offset and the zone (Windows, IANA or "UTC").</summary>
public sealed record DateTimeTimeZone(string DateTime, string TimeZone);
