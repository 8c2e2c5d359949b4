using Microsoft.EntityFrameworkCore;
using NodaTime;
using PresenceBot.Storage.Rows;
using PresenceBot.TeamsChannel.Connector;

namespace PresenceBot.Storage;

internal sealed class EfTrustedServiceUrlStore(IDbContextFactory<PresenceBotDbContext> contexts) : ITrustedServiceUrlStore
{
    public async Task<bool> ContainsAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.TrustedServiceUrls.AnyAsync(t => t.Url == serviceUrl, cancellationToken).ConfigureAwait(false);
    }

    public async Task AddAsync(string serviceUrl, Instant at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await db.TrustedServiceUrls.AnyAsync(t => t.Url == serviceUrl, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        db.TrustedServiceUrls.Add(new TrustedServiceUrlRow { Url = serviceUrl, LearnedAt = at });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another instance learned the same URL at the same moment; it is stored either way.
        }
    }
}
