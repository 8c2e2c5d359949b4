using Microsoft.EntityFrameworkCore;
using NodaTime;
using PresenceBot.Storage;

namespace PresenceBot.Publishing;

/// <summary>Reads and records <see cref="PublishDeliveryRow"/>s. Only the queue's one run per destination and person writes a row.</summary>
internal sealed class PublishDeliveries(IDbContextFactory<PresenceBotDbContext> contexts)
{
    /// <summary>
    /// The records of new messages, group-committed: every delivery of every receiver writes one before it sends, and
    /// one commit each was, with the write-back's own, most of SQLite's one writer under the publish load run
    /// (docs/performance.md, issue 12).
    /// </summary>
    private readonly GroupCommit<(PublishDeliveryRow Row, bool IsNew), bool> _records = new(rows => RecordTogetherAsync(contexts, rows));

    /// <summary>
    /// The message to send for a state with <paramref name="fingerprint"/>: null when the destination already took it;
    /// the unconfirmed one again when it is the same state; otherwise the next sequence, recorded before it is sent.
    /// The look needs no write turn: no one else writes this destination's row for this person meanwhile. The record is
    /// not cancellable once asked (the batch it joins is others' too).
    /// </summary>
    public async Task<PublishDeliveryRow?> NextAsync(string destination, string personId, string fingerprint, Instant now, CancellationToken cancellationToken)
    {
        PublishDeliveryRow? last;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            last = await db.PublishDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Destination == destination && d.PersonId == personId, cancellationToken)
                .ConfigureAwait(false);
        }

        if (last is not null && last.Fingerprint == fingerprint)
        {
            return last.DeliveredAt is null ? last : null;
        }

        var next = new PublishDeliveryRow
        {
            Destination = destination,
            PersonId = personId,
            Sequence = (last?.Sequence ?? 0) + 1,
            Fingerprint = fingerprint,
            OccurredAt = now,
        };
        await _records.WriteAsync((next, last is null)).ConfigureAwait(false);
        return next;
    }

    private static async Task<IReadOnlyList<bool>> RecordTogetherAsync(IDbContextFactory<PresenceBotDbContext> contexts, IReadOnlyList<(PublishDeliveryRow Row, bool IsNew)> rows)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false);
        foreach (var (row, isNew) in rows)
        {
            if (isNew)
            {
                db.PublishDeliveries.Add(row);
            }
            else
            {
                db.PublishDeliveries.Update(row);
            }
        }

        // One SaveChanges: EF writes the batch in a transaction of its own.
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        return [.. rows.Select(_ => true)];
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
