namespace PresenceBot.OperatorPage;

/// <summary>A unit as search finds it.</summary>
public sealed record UnitEntry(string Id, string Name, string Municipality);
