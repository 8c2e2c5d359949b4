namespace PresenceBot.CalendarSync.Mapping;

/// <summary>
/// Graph's <c>dateTimeTimeZone</c>: a wall-clock time without offset ("2026-11-23T09:00:00.0000000") and the
/// zone it is read in, which Graph gives as a Windows name ("W. Europe Standard Time"), an IANA id or "UTC".
/// Kept as the raw strings so a later Graph adapter copies fields 1:1 and parsing failures stay the mapper's
/// decision (an ignored event) instead of an exception in deserialisation.
/// </summary>
public sealed record DateTimeTimeZone(string DateTime, string TimeZone);
