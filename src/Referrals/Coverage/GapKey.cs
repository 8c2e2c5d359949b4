using NodaTime;

namespace PresenceBot.Referrals.Coverage;

/// <summary>What makes a gap the same gap: its unit and exact interval.</summary>
public sealed record GapKey(string UnitId, Interval Interval);
