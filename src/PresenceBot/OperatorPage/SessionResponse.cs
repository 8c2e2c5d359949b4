namespace PresenceBot.OperatorPage;

/// <summary>
/// What the page needs before it starts: who is working it, the antiforgery token for its writes, the service's time
/// (the browser's clock may differ) and the reasons an operator can choose.
/// </summary>
public sealed record SessionResponse(string Operator, bool SignedIn, string Antiforgery, DateTimeOffset Now, IReadOnlyList<ReasonChoice> Reasons);
