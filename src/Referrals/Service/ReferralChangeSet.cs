using NodaTime;
using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Referrals.Service;

/// <summary>Everything one command changes for one person; the store commits it atomically or not at all.</summary>
public sealed record ReferralChangeSet(
    string PersonId,
    long ExpectedVersion,
    Instant? LastReturnAt,
    IReadOnlyList<Referral> Added,
    IReadOnlyList<Referral> Updated,
    IReadOnlyList<Referral> Removed,
    IReadOnlyList<AuditEntry> Audit,
    ReferralChanged Event);
