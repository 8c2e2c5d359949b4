using NodaTime;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.Organisation;

/// <summary>
/// Sets a person's own calendar coupling: stored first, then in force at once; the source's Changed event lets
/// calendar sync reconcile the person's subscription.
/// </summary>
internal sealed class CouplingOverrides(ICouplingOverrideStore store, FileOrganisationSource source, TimeProvider time)
{
    public async Task<Person?> SetAsync(string personId, CalendarCoupling coupling, CancellationToken cancellationToken)
    {
        await store.SaveAsync(personId, coupling, Instant.FromDateTimeOffset(time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        source.SetCouplingOverride(personId, coupling);
        return source.Current.FindPerson(personId);
    }
}
