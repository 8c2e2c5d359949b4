using PresenceBot.Outbox;
using PresenceBot.Referrals.Organisation;
using PresenceBot.WorkQueue;

namespace PresenceBot.Publishing;

/// <summary>
/// Hands a person to every destination that covers them: with each change, as work the change asks for in its own
/// transaction (<see cref="IReferralChangeWork"/>), and when a status changes by itself (its own queued kind, due at
/// that moment, asking in the transaction that completes it). One queue item per destination and person, coalesced,
/// so a burst of changes for one person becomes one delivery of the latest state per destination. The destinations come
/// from <paramref name="publishers"/> at first use: Outlook write-back reads the referral store, which asks this for
/// its work, so they cannot be built before it.
/// </summary>
internal sealed class PublishFanOut(Func<Publishers> publishers, IOrganisationSource organisation)
    : IReferralChangeWork, IWorkHandler
{
    public const string KindName = "publish-due";

    public WorkKind Kind { get; } = new(KindName) { Concurrency = 2, MaxAttempts = 100 };

    public IEnumerable<WorkRequest> For(string personId) =>
        organisation.Current.FindPerson(personId) is { } person
            ? publishers().All.Where(p => p.Covers(person)).Select(p => new WorkRequest(p.Kind, person.Id)).ToList()
            : [];

    public Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        foreach (var request in For(item.Key[..item.Key.IndexOf('|', StringComparison.Ordinal)]))
        {
            item.Then(request);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A time-driven item's key: the person and the moment. Not the person alone: the run that asks for the next moment
    /// may itself be a run of this kind for the person, and asking for a key while it runs makes it run again at once.
    /// Requests for one moment still coalesce; one for a moment that no longer matters finds nothing new to publish.
    /// </summary>
    public static string KeyAt(string personId, NodaTime.Instant at) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{personId}|{at.ToUnixTimeSeconds()}");
}
