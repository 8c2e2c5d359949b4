using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Service;
using PresenceBot.WorkQueue;

namespace PresenceBot.Publishing;

/// <summary>
/// One destination of referrals. Each has its own kind of queued work keyed by person, so a slow or failing destination
/// holds up no other destination and no other person, and one person's deliveries to it run one at a time.
/// </summary>
internal interface IPublisher
{
    WorkKind Kind { get; }

    /// <summary>Whether this destination publishes <paramref name="person"/> at all.</summary>
    bool Covers(Person person);

    /// <summary>
    /// Brings the destination to <paramref name="status"/>, the person's status now. Idempotent: a state the destination
    /// already has is not sent again. Throws to be retried.
    /// </summary>
    Task PublishAsync(EffectiveStatus status, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="PublishAsync(EffectiveStatus, CancellationToken)"/> as a queued <paramref name="run"/>: a publisher
    /// may leave the record of what the destination took to the run's completion (<see cref="WorkItem.Record"/>), a
    /// commit less per delivery; should it not be written, the run repeats and sends the very same message again.
    /// </summary>
    Task PublishAsync(EffectiveStatus status, WorkItem run, CancellationToken cancellationToken) => PublishAsync(status, cancellationToken);
}
