using Microsoft.EntityFrameworkCore;
using NodaTime;
using PresenceBot.CalendarSync.WriteBack;
using PresenceBot.Storage;

namespace PresenceBot.Publishing.WriteBack;

/// <summary>
/// <see cref="IWrittenEventStore"/> for the calendar sync, and the publisher's own reads and writes of
/// <see cref="WrittenEventRow"/>s. Only the publisher's one run per person writes an active row; the sync only adopts a
/// lost event id and releases.
/// </summary>
internal sealed class EfWrittenEventStore(IDbContextFactory<PresenceBotDbContext> contexts, TimeProvider time) : IWrittenEventStore
{
    private readonly GroupCommit<WrittenEventRow, bool> _saves = new(rows => SaveTogetherAsync(contexts, rows));

    public async Task<IReadOnlyList<WrittenEvent>> FindAsync(
        string personId, IReadOnlyCollection<string> eventIds, IReadOnlyCollection<Guid> referralIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var ids = eventIds.ToList();
        var referrals = referralIds.ToList();
        var rows = await db.WrittenEvents.AsNoTracking()
            .Where(w => w.PersonId == personId && ((w.EventId != null && ids.Contains(w.EventId)) || referrals.Contains(w.ReferralId) || (w.EventId == null && w.State == WrittenEventState.Active)))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToWrittenEvent()).ToList();
    }

    public async Task AdoptAsync(Guid referralId, string eventId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.WrittenEvents.Where(w => w.ReferralId == referralId && w.EventId == null)
            .ExecuteUpdateAsync(w => w.SetProperty(x => x.EventId, eventId).SetProperty(x => x.Written, x => x.Pending).SetProperty(x => x.Pending, (string?)null), cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task ReleaseAsync(IReadOnlyCollection<Guid> referralIds, CancellationToken cancellationToken)
    {
        var ids = referralIds.ToList();
        var now = Now;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.WrittenEvents.Where(w => ids.Contains(w.ReferralId) && w.State == WrittenEventState.Active)
            .ExecuteUpdateAsync(w => w.SetProperty(x => x.State, WrittenEventState.Released).SetProperty(x => x.Pending, (string?)null).SetProperty(x => x.Unconfirmed, (string?)null).SetProperty(x => x.ChangedAt, now), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The person's rows not over before <paramref name="since"/> (released ones too: they block a second create).</summary>
    public async Task<List<WrittenEventRow>> OpenAsync(string personId, Instant since, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.WrittenEvents.AsNoTracking()
            .Where(w => w.PersonId == personId && w.End >= since)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Everyone with a written event on record.</summary>
    public async Task<List<string>> PeopleAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.WrittenEvents.Select(w => w.PersonId).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>All of the person's rows, settled ones too.</summary>
    public async Task<List<WrittenEventRow>> AllAsync(string personId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.WrittenEvents.AsNoTracking().Where(w => w.PersonId == personId).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Forgets the rows (their events are deleted, or over) if each is still as given: one the publisher wrote meanwhile
    /// (the person written back to again) is its own and stays. The count forgotten.
    /// </summary>
    public async Task<int> DropAsync(IReadOnlyCollection<WrittenEventRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var forgotten = 0;
        foreach (var row in rows)
        {
            var (id, eventId, changeKey, state, writtenAs, pending) = (row.ReferralId, row.EventId, row.ChangeKey, row.State, row.Written, row.Pending);
            forgotten += await db.WrittenEvents
                .Where(w => w.ReferralId == id && w.EventId == eventId && w.ChangeKey == changeKey && w.State == state && w.Written == writtenAs && w.Pending == pending)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        return forgotten;
    }

    /// <summary>
    /// Inserts or replaces the row; false when the sync released it meanwhile (the event is the person's now). The
    /// write-back records each Outlook write before and after it, so these saves are group-committed
    /// (<see cref="GroupCommit{TItem, TResult}"/>): one commit for all the people's saves meanwhile. Not cancellable
    /// once asked: the batch it joins is others' too.
    /// </summary>
    public Task<bool> SaveAsync(WrittenEventRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.ChangedAt = Now;
        return _saves.WriteAsync(row);
    }

    /// <summary>
    /// The saves in one transaction, each looking at its stored row inside it. On SQLite (the write turn is taken at the
    /// begin) a release by the sync is either seen, and the save refused, or comes after; on PostgreSQL a release that
    /// commits between the look and the write can still be written over, as before the batching.
    /// </summary>
    private static async Task<IReadOnlyList<bool>> SaveTogetherAsync(IDbContextFactory<PresenceBotDbContext> contexts, IReadOnlyList<WrittenEventRow> rows)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
        var ids = rows.Select(r => r.ReferralId).ToList();
        var stored = await db.WrittenEvents.Where(w => ids.Contains(w.ReferralId)).ToDictionaryAsync(w => w.ReferralId, CancellationToken.None).ConfigureAwait(false);
        var saved = new List<bool>(rows.Count);
        foreach (var row in rows)
        {
            if (!stored.TryGetValue(row.ReferralId, out var current))
            {
                db.WrittenEvents.Add(row);
                saved.Add(true);
            }
            else if (current.State == WrittenEventState.Released)
            {
                saved.Add(false);
            }
            else
            {
                db.Entry(current).CurrentValues.SetValues(row);
                saved.Add(true);
            }
        }

        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return saved;
    }

    private Instant Now => Instant.FromDateTimeOffset(time.GetUtcNow());
}
