namespace PresenceBot.GraphStandIn.Calendars;

/// <summary>Graph's <c>location</c>, reduced to what the product could ever show.</summary>
public sealed record Location(string DisplayName);
