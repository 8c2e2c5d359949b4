using System.Text.Json;
using PresenceBot.Referrals.Service;
using PresenceBot.WorkQueue;

namespace PresenceBot.Outbox;

/// <summary>
/// The outbox, as one kind of queued work: each committed <see cref="ReferralChanged"/> is an item (enqueued in the
/// change's own transaction, keyed by its event id, so never coalesced) delivered at least once to every
/// <see cref="IReferralChangeHandler"/>. Several at a time: no handler depends on the order of changes (each reads the
/// state as it is now: coverage, forwarding conflicts, the operator page), and one at a time capped the whole product
/// at what one claim, run and complete cost (measured: publishing 100 changes/s fell behind by a minute). Publishing is
/// not a handler: it is queued in the change's own transaction (<see cref="IReferralChangeWork"/>), a claim and a
/// commit less per change.
/// An item a version before that wrote (<see cref="OutboxPayload.WorkQueued"/> false: left queued over an upgrade, or
/// written by an instance not yet upgraded) asks for that work when it completes, so its change is not left unpublished.
/// </summary>
internal sealed class ReferralChangeDelivery(IEnumerable<IReferralChangeHandler> handlers, IEnumerable<IReferralChangeWork> changeWork) : IWorkHandler
{
    public static readonly WorkKind ReferralChanged = new("referral-changed") { Concurrency = 8, MaxAttempts = 12 };

    public WorkKind Kind => ReferralChanged;

    public static string Payload(ReferralChanged change) => JsonSerializer.Serialize(OutboxPayload.From(change));

    public async Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var payload = JsonSerializer.Deserialize<OutboxPayload>(item.Payload!)!;
        var change = payload.ToEvent();
        if (!payload.WorkQueued)
        {
            foreach (var request in changeWork.SelectMany(w => w.For(change.PersonId)))
            {
                item.Then(request);
            }
        }

        foreach (var handler in handlers)
        {
            await handler.HandleAsync(change, cancellationToken).ConfigureAwait(false);
        }
    }
}
