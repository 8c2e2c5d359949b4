namespace PresenceBot.GraphStandIn.Calendars;

/// <summary>Graph's <c>emailAddress</c>.</summary>
public sealed record EmailAddress(string? Name, string? Address);
