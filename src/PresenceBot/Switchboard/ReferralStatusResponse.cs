namespace PresenceBot.Switchboard;

/// <summary>What the switchboard shows for a person now. Sick is reported as away.</summary>
public sealed record ReferralStatusResponse(
    PersonResponse Person,
    string State,
    string? Reason,
    string? ReasonText,
    string Phone,
    DateTimeOffset? From,
    DateTimeOffset? ReturnsAt,
    string? Source,
    string? Note,
    string? Talsvar);
