namespace PresenceBot.Switchboard;

/// <summary>What the switchboard shows for a person now. Sick is reported as away. <see cref="ForwardTo"/>: where calls go instead.</summary>
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
    string? Talsvar,
    ForwardToResponse? ForwardTo = null);
