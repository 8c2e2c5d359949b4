using Microsoft.EntityFrameworkCore;
using NodaTime;
using PresenceBot.CalendarSync.Notifications;
using PresenceBot.Storage.Rows;

namespace PresenceBot.Storage;

/// <summary>The durable Graph inbox: one insert transaction per webhook call, before the 202.</summary>
internal sealed class EfNotificationInbox(IDbContextFactory<PresenceBotDbContext> contexts) : INotificationInbox
{
    public async Task AppendAsync(IReadOnlyList<InboxEntry> entries, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.Inbox.AddRange(entries.Select(e => new InboxEntryRow
        {
            Id = e.Id,
            ReceivedAt = e.ReceivedAt,
            PersonId = e.PersonId,
            SubscriptionId = e.SubscriptionId,
            Kind = e.Kind,
            EventId = e.EventId,
        }));

        // Not cancellable once started: Graph's timeout must not leave a half-known outcome we answer wrongly.
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<InboxEntry>> PendingAsync(string personId, Instant upTo, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Inbox.AsNoTracking()
            .Where(e => e.PersonId == personId && e.ProcessedAt == null && e.ReceivedAt <= upTo)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new InboxEntry(r.Id, r.ReceivedAt, r.PersonId, r.SubscriptionId, r.Kind, r.EventId)).ToList();
    }

    public async Task MarkProcessedAsync(IReadOnlyCollection<Guid> ids, Instant processedAt, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in ids.Chunk(500))
        {
            await db.Inbox.Where(e => chunk.Contains(e.Id))
                .ExecuteUpdateAsync(e => e.SetProperty(x => x.ProcessedAt, processedAt), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<string>> PeopleWithPendingAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Inbox.AsNoTracking().Where(e => e.ProcessedAt == null).Select(e => e.PersonId).Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
