using Microsoft.EntityFrameworkCore;
using NodaTime;
using PresenceBot.Storage;

namespace PresenceBot.Publishing;

/// <summary>Reads and records <see cref="PublishDeliveryRow"/>s. Only the queue's one run per destination and person writes a row.</summary>
internal sealed class PublishDeliveries(IDbContextFactory<PresenceBotDbContext> contexts)
{
    /// <summary>
    /// The message to send for a state with <paramref name="fingerprint"/>: null when the destination already took it;
    /// the unconfirmed one again when it is the same state; otherwise the next sequence, recorded before it is sent.
    /// </summary>
    public async Task<PublishDeliveryRow?> NextAsync(string destination, string personId, string fingerprint, Instant now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.PublishDeliveries.FirstOrDefaultAsync(d => d.Destination == destination && d.PersonId == personId, cancellationToken).ConfigureAwait(false);
        if (row is not null && row.Fingerprint == fingerprint)
        {
            return row.DeliveredAt is null ? row : null;
        }

        if (row is null)
        {
            row = new PublishDeliveryRow { Destination = destination, PersonId = personId, Fingerprint = fingerprint };
            db.PublishDeliveries.Add(row);
        }

        row.Sequence++;
        row.Fingerprint = fingerprint;
        row.OccurredAt = now;
        row.DeliveredAt = null;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return row;
    }

    public async Task DeliveredAsync(PublishDeliveryRow message, Instant at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await DeliveredAsync(db, message, at, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records on <paramref name="db"/> (in its transaction) that the destination took <paramref name="message"/>; a newer one is left alone.</summary>
    public static Task DeliveredAsync(PresenceBotDbContext db, PublishDeliveryRow message, Instant at, CancellationToken cancellationToken) =>
        db.PublishDeliveries
            .Where(d => d.Destination == message.Destination && d.PersonId == message.PersonId && d.Sequence == message.Sequence)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.DeliveredAt, at), cancellationToken);
}
