using NodaTime;
using PresenceBot.Referrals.Forwarding;
using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Referrals.Service;

/// <summary>
/// Everything one command changes for one person; the store commits it atomically or not at all.
/// <see cref="ForwardingChanged"/> says whether <see cref="Forwarding"/> is to be stored (null then clears it).
/// </summary>
public sealed record ReferralChangeSet(
    string PersonId,
    long ExpectedVersion,
    Instant? LastReturnAt,
    IReadOnlyList<Referral> Added,
    IReadOnlyList<Referral> Updated,
    IReadOnlyList<Referral> Removed,
    IReadOnlyList<AuditEntry> Audit,
    ReferralChanged Event,
    bool ForwardingChanged = false,
    CallForwarding? Forwarding = null);
