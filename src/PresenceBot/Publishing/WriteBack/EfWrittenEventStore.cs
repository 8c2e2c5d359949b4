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

    /// <summary>Inserts or replaces the row; false when the sync released it meanwhile (the event is the person's now).</summary>
    public async Task<bool> SaveAsync(WrittenEventRow row, CancellationToken cancellationToken)
    {
        row.ChangedAt = Now;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var stored = await db.WrittenEvents.FirstOrDefaultAsync(w => w.ReferralId == row.ReferralId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            db.WrittenEvents.Add(row);
        }
        else if (stored.State == WrittenEventState.Released)
        {
            return false;
        }
        else
        {
            db.Entry(stored).CurrentValues.SetValues(row);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private Instant Now => Instant.FromDateTimeOffset(time.GetUtcNow());
}
