using Microsoft.EntityFrameworkCore;
using NodaTime;
using PresenceBot.Referrals.Forwarding;

namespace PresenceBot.Storage;

/// <summary><see cref="IForwardingIndex"/> over the forwarding columns of <c>person_states</c> (indexed by the colleague).</summary>
internal sealed class EfForwardingIndex(IDbContextFactory<PresenceBotDbContext> contexts) : IForwardingIndex
{
    public async Task<IReadOnlyList<string>> ForwardingToAsync(string colleagueId, Instant notEndedBy, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.PersonStates.AsNoTracking()
            .Where(s => s.ForwardToId == colleagueId && s.ForwardUntil > notEndedBy)
            .Select(s => s.PersonId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
