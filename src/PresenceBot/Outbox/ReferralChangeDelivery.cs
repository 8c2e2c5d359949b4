using System.Text.Json;
using PresenceBot.Referrals.Service;
using PresenceBot.WorkQueue;

namespace PresenceBot.Outbox;

/// <summary>
/// The outbox, as one kind of queued work: each committed <see cref="ReferralChanged"/> is an item (enqueued in the
/// change's own transaction, keyed by its event id, so never coalesced) delivered at least once to every
/// <see cref="IReferralChangeHandler"/>. One at a time, oldest first, so handlers see changes in commit order.
/// </summary>
internal sealed class ReferralChangeDelivery(IEnumerable<IReferralChangeHandler> handlers) : IWorkHandler
{
    public static readonly WorkKind ReferralChanged = new("referral-changed") { Concurrency = 1, MaxAttempts = 12 };

    public WorkKind Kind => ReferralChanged;

    public static string Payload(ReferralChanged change) => JsonSerializer.Serialize(OutboxPayload.From(change));

    public async Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var change = JsonSerializer.Deserialize<OutboxPayload>(item.Payload!)!.ToEvent();
        foreach (var handler in handlers)
        {
            await handler.HandleAsync(change, cancellationToken).ConfigureAwait(false);
        }
    }
}
