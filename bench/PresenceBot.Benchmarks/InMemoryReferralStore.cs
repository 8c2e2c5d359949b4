using NodaTime;
using PresenceBot.Referrals.Service;

namespace PresenceBot.Benchmarks;

/// <summary>
/// A read-only <see cref="IReferralStore"/> over prepared state. It filters like the EF store
/// (referrals not over by <c>since</c>, plus the one with the external key), so the service sees
/// the same amount of data it would get from the database, minus the database.
/// </summary>
internal sealed class InMemoryReferralStore(IReadOnlyDictionary<string, PersonReferrals> state) : IReferralStore
{
    public Task<PersonReferrals> LoadAsync(string personId, Instant since, IReadOnlyCollection<string> externalKeys, CancellationToken cancellationToken) =>
        Task.FromResult(state.TryGetValue(personId, out var stored) ? Since(stored, since, externalKeys) : PersonReferrals.Empty(personId));

    public Task<IReadOnlyDictionary<string, PersonReferrals>> LoadManyAsync(
        IReadOnlyCollection<string> personIds, Instant since, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, PersonReferrals>(personIds.Count);
        foreach (var id in personIds)
        {
            if (state.TryGetValue(id, out var stored))
            {
                result[id] = Since(stored, since, []);
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, PersonReferrals>>(result);
    }

    public Task SaveAsync(ReferralChangeSet changes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The benchmark store is read-only.");

    private static PersonReferrals Since(PersonReferrals stored, Instant since, IReadOnlyCollection<string> externalKeys) =>
        stored with { Referrals = stored.Referrals.Where(r => r.ReturnsAt > since || (r.ExternalKey != null && externalKeys.Contains(r.ExternalKey))).ToList() };
}
