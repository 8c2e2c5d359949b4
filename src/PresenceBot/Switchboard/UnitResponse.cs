namespace PresenceBot.Switchboard;

public sealed record UnitResponse(string Id, string Name, string Municipality, IReadOnlyList<ReferralStatusResponse> People);
