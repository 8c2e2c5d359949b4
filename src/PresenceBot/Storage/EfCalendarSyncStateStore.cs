using Microsoft.EntityFrameworkCore;
using PresenceBot.CalendarSync.Processing;
using PresenceBot.Storage.Rows;

namespace PresenceBot.Storage;

internal sealed class EfCalendarSyncStateStore(IDbContextFactory<PresenceBotDbContext> contexts) : ICalendarSyncStateStore
{
    /// <summary>Compiled: every calendar re-read starts here.</summary>
    private static readonly CompiledPerModel<Func<PresenceBotDbContext, string, CancellationToken, Task<CalendarSyncStateRow?>>> StateOf = new(() =>
        EF.CompileAsyncQuery((PresenceBotDbContext db, string personId, CancellationToken cancellationToken) => db.CalendarSyncStates.AsNoTracking().FirstOrDefault(s => s.PersonId == personId)));

    public async Task<CalendarSyncState?> GetAsync(string personId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await StateOf.For(db)(db, personId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : new CalendarSyncState(row.PersonId, row.DeltaLink, row.WindowStart, row.WindowEnd, row.SyncedAt);
    }

    public async Task SaveAsync(CalendarSyncState state, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.CalendarSyncStates.FirstOrDefaultAsync(s => s.PersonId == state.PersonId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            row = new CalendarSyncStateRow { PersonId = state.PersonId, DeltaLink = state.DeltaLink };
            db.CalendarSyncStates.Add(row);
        }

        row.DeltaLink = state.DeltaLink;
        row.WindowStart = state.WindowStart;
        row.WindowEnd = state.WindowEnd;
        row.SyncedAt = state.SyncedAt;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string personId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.CalendarSyncStates.Where(s => s.PersonId == personId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlySet<string>> SyncedPeopleAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var ids = await db.CalendarSyncStates.AsNoTracking().Select(s => s.PersonId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return ids.ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
