using NodaTime;
using PresenceBot.Referrals.Service;

namespace PresenceBot.Tests.Forwarding;

/// <summary>
/// The real store, except that writing a forwarding fails (a fault where the referral's write and the forwarding's meet);
/// change sets without one are stored as usual.
/// </summary>
internal sealed class FailingForwardingWrite(IReferralStore inner) : IReferralStore
{
    public Task<PersonReferrals> LoadAsync(string personId, Instant since, IReadOnlyCollection<string> externalKeys, CancellationToken cancellationToken) =>
        inner.LoadAsync(personId, since, externalKeys, cancellationToken);

    public Task<IReadOnlyDictionary<string, PersonReferrals>> LoadManyAsync(
        IReadOnlyCollection<string> personIds, Instant since, CancellationToken cancellationToken) =>
        inner.LoadManyAsync(personIds, since, cancellationToken);

    public Task SaveAsync(ReferralChangeSet changes, CancellationToken cancellationToken) =>
        changes.ForwardingChanged
            ? throw new InvalidOperationException("Injected fault: the forwarding's write fails.")
            : inner.SaveAsync(changes, cancellationToken);
}
