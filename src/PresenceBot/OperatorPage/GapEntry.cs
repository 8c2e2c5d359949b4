namespace PresenceBot.OperatorPage;

/// <summary>A stretch of today's phone hours with too few reachable, and who is away then (disclosed words only).</summary>
public sealed record GapEntry(StretchEntry When, int Reachable, IReadOnlyList<string> Away);
