using NodaTime;
using PresenceBot.Referrals.Forwarding;
using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Referrals.Service;

/// <summary>
/// What the store holds for one person: the referrals that can still matter, the last "tillbaka"
/// the version that guards against lost updates (0 = never written), and the forwarding last set (possibly over).
/// </summary>
public sealed record PersonReferrals(
    string PersonId, long Version, Instant? LastReturnAt, IReadOnlyList<Referral> Referrals, CallForwarding? Forwarding = null)
{
    public static PersonReferrals Empty(string personId) => new(personId, 0, null, []);
}
