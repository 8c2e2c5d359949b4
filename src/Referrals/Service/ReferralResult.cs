namespace PresenceBot.Referrals.Service;

/// <summary>The outcome of a command: whether anything changed, and the status now.</summary>
public sealed record ReferralResult(bool Changed, EffectiveStatus Status);
