namespace PresenceBot.GraphStandIn.Calendars;

/// <summary>
/// Graph's <c>responseStatus</c>: response is none, organizer, tentativelyAccepted, accepted, declined or
/// notResponded. Time is null until answered (written as Graph's 0001-01-01 then).
/// </summary>
public sealed record ResponseStatus(string Response, DateTimeOffset? Time = null);
