using Microsoft.EntityFrameworkCore;
using NodaTime;
using PresenceBot.Storage.Rows;
using PresenceBot.TeamsChannel.Connector;
using PresenceBot.TeamsChannel.Proactive;

namespace PresenceBot.Storage;

internal sealed class EfConversationReferenceStore(IDbContextFactory<PresenceBotDbContext> contexts) : IConversationReferenceStore
{
    public async Task<ConversationReference?> FindAsync(string personId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.ConversationReferences.AsNoTracking()
            .FirstOrDefaultAsync(r => r.PersonId == personId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : new ConversationReference
        {
            PersonId = row.PersonId,
            UserId = row.UserId,
            BotId = row.BotId,
            ServiceUrl = row.ServiceUrl,
            ConversationId = row.ConversationId,
            TenantId = row.TenantId,
            IsStale = row.IsStale,
            UpdatedAt = row.UpdatedAt,
        };
    }

    public async Task RememberAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        // The install, the conversation update and the first message often arrive together, each with the person's
        // first reference: the row is made with ON CONFLICT DO NOTHING, so the losers of that race update it instead of
        // failing an insert (which EF Core would log as an error every time).
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO conversation_references ("PersonId", "UserId", "BotId", "ServiceUrl", "IsStale", "UpdatedAt")
            VALUES ({0}, {1}, {2}, {3}, FALSE, {4}) ON CONFLICT ("PersonId") DO NOTHING
            """,
            [reference.PersonId, reference.UserId, reference.BotId, reference.ServiceUrl, WorkQueue.WorkItems.Time(db, reference.UpdatedAt)],
            cancellationToken).ConfigureAwait(false);
        var row = await db.ConversationReferences.FirstAsync(r => r.PersonId == reference.PersonId, cancellationToken).ConfigureAwait(false);

        // A message in a team says nothing about the 1:1 chat: keep the one we know unless the channel moved.
        var keepConversation = reference.ConversationId is null && row.ServiceUrl == reference.ServiceUrl;
        row.ConversationId = keepConversation ? row.ConversationId : reference.ConversationId;
        row.UserId = reference.UserId;
        row.BotId = reference.BotId;
        row.ServiceUrl = reference.ServiceUrl;
        row.TenantId = reference.TenantId;
        row.IsStale = false;
        row.UpdatedAt = reference.UpdatedAt;
        await SaveAsync(db, cancellationToken).ConfigureAwait(false);
    }

    public Task SetConversationAsync(string personId, string conversationId, Instant at, CancellationToken cancellationToken) =>
        UpdateAsync(personId, row =>
        {
            row.ConversationId = conversationId;
            row.UpdatedAt = at;
        }, cancellationToken);

    public Task MarkStaleAsync(string personId, Instant at, CancellationToken cancellationToken) =>
        UpdateAsync(personId, row =>
        {
            row.IsStale = true;
            row.UpdatedAt = at;
        }, cancellationToken);

    public async Task ForgetAsync(string personId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.ConversationReferences.Where(r => r.PersonId == personId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task UpdateAsync(string personId, Action<ConversationReferenceRow> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.ConversationReferences.FirstOrDefaultAsync(r => r.PersonId == personId, cancellationToken).ConfigureAwait(false);
        if (row is not null)
        {
            change(row);
            await SaveAsync(db, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task SaveAsync(PresenceBotDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Two turns of one person raced to insert the first reference; the other's write holds the same facts.
        }
    }
}
