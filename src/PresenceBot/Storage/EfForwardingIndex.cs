using Microsoft.EntityFrameworkCore;
using NodaTime;
using PresenceBot.Referrals.Forwarding;

namespace PresenceBot.Storage;

/// <summary><see cref="IForwardingIndex"/> over the forwarding columns of <c>person_states</c> (indexed by the colleague).</summary>
internal sealed class EfForwardingIndex(IDbContextFactory<PresenceBotDbContext> contexts) : IForwardingIndex
{
    public async Task<IReadOnlyDictionary<string, CallForwarding>> ForwardingToAsync(string colleagueId, Instant notEndedBy, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.PersonStates.AsNoTracking()
            .Where(s => s.ForwardToId == colleagueId && s.ForwardUntil > notEndedBy)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(row => (row.PersonId, Forwarding: EfReferralStore.ForwardingOf(row)))
            .Where(f => f.Forwarding is not null)
            .ToDictionary(f => f.PersonId, f => f.Forwarding!, StringComparer.Ordinal);
    }
}
