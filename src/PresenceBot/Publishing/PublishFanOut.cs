using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Service;
using PresenceBot.WorkQueue;

namespace PresenceBot.Publishing;

/// <summary>
/// Hands a person to every destination that covers them: on each committed change (as an outbox handler), and when a
/// status changes by itself (its own queued kind, due at that moment). One queue item per destination and person,
/// coalesced, so a burst of changes for one person becomes one delivery of the latest state per destination.
/// </summary>
internal sealed class PublishFanOut(Publishers publishers, IOrganisationSource organisation, WorkItems queue)
    : IReferralChangeHandler, IWorkHandler
{
    public const string KindName = "publish-due";

    public WorkKind Kind { get; } = new(KindName) { Concurrency = 2, MaxAttempts = 100 };

    public Task HandleAsync(ReferralChanged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return FanOutAsync(change.PersonId, cancellationToken);
    }

    public Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return FanOutAsync(item.Key[..item.Key.IndexOf('|', StringComparison.Ordinal)], cancellationToken);
    }

    /// <summary>
    /// A time-driven item's key: the person and the moment. Not the person alone: the run that asks for the next moment
    /// may itself be a run of this kind for the person, and asking for a key while it runs makes it run again at once.
    /// Requests for one moment still coalesce; one for a moment that no longer matters finds nothing new to publish.
    /// </summary>
    public static string KeyAt(string personId, NodaTime.Instant at) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{personId}|{at.ToUnixTimeSeconds()}");

    private Task FanOutAsync(string personId, CancellationToken cancellationToken)
    {
        if (organisation.Current.FindPerson(personId) is not { } person)
        {
            return Task.CompletedTask;
        }

        var requests = publishers.All.Where(p => p.Covers(person)).Select(p => new WorkRequest(p.Kind, person.Id)).ToList();
        return queue.EnqueueAsync(requests, cancellationToken);
    }
}
