using NodaTime;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.Organisation;

/// <summary>
/// People's own calendar coupling ("/koppling av"), kept apart from the organisation file: the file is the
/// admin's, and a person's choice must survive the file being replaced.
/// </summary>
internal interface ICouplingOverrideStore
{
    Task<IReadOnlyDictionary<string, CalendarCoupling>> LoadAllAsync(CancellationToken cancellationToken);

    Task SaveAsync(string personId, CalendarCoupling coupling, Instant at, CancellationToken cancellationToken);
}
