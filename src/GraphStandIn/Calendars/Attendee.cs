namespace PresenceBot.GraphStandIn.Calendars;

/// <summary>Graph's <c>attendee</c>; type is required, optional or resource.</summary>
public sealed record Attendee(EmailAddress EmailAddress, string Type = "required", ResponseStatus? Status = null);
