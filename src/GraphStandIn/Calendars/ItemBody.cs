namespace PresenceBot.GraphStandIn.Calendars;

/// <summary>Graph's <c>itemBody</c>; <c>contentType</c> is "text" or "html".</summary>
public sealed record ItemBody(string ContentType, string Content);
