using Microsoft.EntityFrameworkCore;
using PresenceBot.Storage;

namespace PresenceBot.WorkQueue;

/// <summary>Lists and replays dead letters (work that failed for good and waits for someone to fix the cause).</summary>
internal sealed class DeadLetters(IDbContextFactory<PresenceBotDbContext> contexts, WorkItems items, IEnumerable<IWorkHandler> handlers)
{
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string? kind, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.DeadLetters.AsNoTracking()
            .Where(d => kind == null || d.Kind == kind)
            .OrderBy(d => d.Id)
            .Take(take)
            .Select(d => new DeadLetter(d.Id, d.Kind, d.Key, d.Attempts, d.FirstError, d.LastError, d.CreatedAt, d.DeadAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Puts the dead letters of <paramref name="kind"/> (all kinds when null) back into the queue, due as a new request
    /// (at once, or after the kind's gather), with fresh attempts, in one transaction; a key already waiting absorbs its dead letter. Returns how many were replayed.
    /// </summary>
    public async Task<int> ReplayAsync(string? kind, CancellationToken cancellationToken)
    {
        var kinds = handlers.Select(h => h.Kind).ToDictionary(k => k.Name, StringComparer.Ordinal);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var dead = await db.DeadLetters.Where(d => kind == null || d.Kind == kind).OrderBy(d => d.Id).ToListAsync(cancellationToken).ConfigureAwait(false);

        // A kind nobody handles any more stays dead: replaying it would only leave it waiting forever.
        var replayable = dead.Where(d => kinds.ContainsKey(d.Kind)).ToList();
        // In the one order completion batches take work_items rows in: kind, then key.
        await items.EnqueueAsync(
            db,
            replayable.OrderBy(d => d.Kind, StringComparer.Ordinal).ThenBy(d => d.Key, StringComparer.Ordinal)
                .Select(letter => new WorkRequest(kinds[letter.Kind], letter.Key, letter.Payload)).ToList(),
            cancellationToken).ConfigureAwait(false);

        db.DeadLetters.RemoveRange(replayable);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        foreach (var replayedKind in replayable.Select(d => d.Kind).Distinct(StringComparer.Ordinal))
        {
            items.Wake(kinds[replayedKind]);
        }

        return replayable.Count;
    }
}
