using NodaTime;
using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Referrals.Service;

/// <summary>One change to one referral: who did it, through what, and the state before and after.</summary>
public sealed record AuditEntry(
    Guid Id,
    string PersonId,
    Instant At,
    ReferralSource Source,
    string Actor,
    string Action,
    Guid? ReferralId,
    Referral? Before,
    Referral? After);
