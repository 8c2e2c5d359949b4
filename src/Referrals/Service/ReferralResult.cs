namespace PresenceBot.Referrals.Service;

/// <summary>
/// The outcome of a command: whether anything changed, and the status now. <see cref="ForwardingChanged"/>: whether the
/// command set or ended a forwarding (a referral changed with the same forwarding is no news to the colleague).
/// </summary>
public sealed record ReferralResult(bool Changed, EffectiveStatus Status, bool ForwardingChanged = false);
