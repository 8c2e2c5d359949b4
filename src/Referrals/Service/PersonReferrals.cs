using NodaTime;
using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Referrals.Service;

/// <summary>
/// What the store holds for one person: the referrals that can still matter, the last "tillbaka"
/// and the version that guards against lost updates (0 = never written).
/// </summary>
public sealed record PersonReferrals(string PersonId, long Version, Instant? LastReturnAt, IReadOnlyList<Referral> Referrals)
{
    public static PersonReferrals Empty(string personId) => new(personId, 0, null, []);
}
