namespace PresenceBot.OperatorPage;

/// <summary>
/// One person as the page lists them, now. Sick is shown as frånvarande (<see cref="ReasonText"/> is the disclosed word).
/// <see cref="ForwardTo"/> is the colleague calls to them are forwarded to now (their name), if any.
/// </summary>
public sealed record PersonEntry(
    string Id,
    string Upn,
    string Name,
    string UnitId,
    string UnitName,
    string Municipality,
    string? Extension,
    string State,
    string? ReasonText,
    string Phone,
    DateTimeOffset? ReturnsAt,
    string? ReturnsText,
    string? Talsvar,
    string? ForwardTo);
