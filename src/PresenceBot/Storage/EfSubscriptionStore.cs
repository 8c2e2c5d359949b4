using Microsoft.EntityFrameworkCore;
using PresenceBot.CalendarSync.Subscriptions;
using PresenceBot.Storage.Rows;

namespace PresenceBot.Storage;

internal sealed class EfSubscriptionStore(IDbContextFactory<PresenceBotDbContext> contexts) : ISubscriptionStore
{
    public async Task<IReadOnlyList<CalendarSubscription>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Subscriptions.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(ToDomain).ToList();
    }

    public async Task<CalendarSubscription?> FindAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToDomain(row);
    }

    public async Task SaveAsync(CalendarSubscription subscription, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Subscriptions.FirstOrDefaultAsync(s => s.Id == subscription.Id, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            row = new SubscriptionRow { Id = subscription.Id, PersonId = subscription.PersonId, Resource = subscription.Resource, ClientState = subscription.ClientState };
            db.Subscriptions.Add(row);
        }

        row.PersonId = subscription.PersonId;
        row.Resource = subscription.Resource;
        row.ClientState = subscription.ClientState;
        row.ExpiresAt = subscription.ExpiresAt;
        row.CreatedAt = subscription.CreatedAt;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Subscriptions.Where(s => s.Id == subscriptionId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static CalendarSubscription ToDomain(SubscriptionRow row) =>
        new(row.Id, row.PersonId, row.Resource, row.ClientState, row.ExpiresAt, row.CreatedAt);
}
