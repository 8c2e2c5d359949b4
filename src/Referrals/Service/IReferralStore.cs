using NodaTime;

namespace PresenceBot.Referrals.Service;

/// <summary>Persistence for <see cref="ReferralService"/>; nothing else writes referral state.</summary>
public interface IReferralStore
{
    /// <summary>
    /// The person's referrals that are not over by <paramref name="since"/>, plus those with one of
    /// <paramref name="externalKeys"/> whenever they ended (a booking moved from the past must update, not duplicate).
    /// </summary>
    Task<PersonReferrals> LoadAsync(string personId, Instant since, IReadOnlyCollection<string> externalKeys, CancellationToken cancellationToken);

    /// <summary>The same for many people at once (a unit, the whole organisation).</summary>
    Task<IReadOnlyDictionary<string, PersonReferrals>> LoadManyAsync(
        IReadOnlyCollection<string> personIds, Instant since, CancellationToken cancellationToken);

    /// <summary>Commits the change set; throws <see cref="ReferralConcurrencyException"/> when the version moved.</summary>
    Task SaveAsync(ReferralChangeSet changes, CancellationToken cancellationToken);
}
