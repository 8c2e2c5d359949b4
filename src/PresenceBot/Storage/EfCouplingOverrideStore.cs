using Microsoft.EntityFrameworkCore;
using NodaTime;
using PresenceBot.Organisation;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Storage.Rows;

namespace PresenceBot.Storage;

internal sealed class EfCouplingOverrideStore(IDbContextFactory<PresenceBotDbContext> contexts) : ICouplingOverrideStore
{
    public async Task<IReadOnlyDictionary<string, CalendarCoupling>> LoadAllAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.CouplingOverrides.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);

        // A value this version doesn't know (written by a newer one) is skipped rather than guessed at.
        return rows
            .Where(r => Enum.TryParse<CalendarCoupling>(r.Coupling, ignoreCase: true, out _))
            .ToDictionary(r => r.PersonId, r => Enum.Parse<CalendarCoupling>(r.Coupling, ignoreCase: true), StringComparer.OrdinalIgnoreCase);
    }

    public async Task SaveAsync(string personId, CalendarCoupling coupling, Instant at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var code = coupling.ToString().ToLowerInvariant();
        var row = await db.CouplingOverrides.FirstOrDefaultAsync(r => r.PersonId == personId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            db.CouplingOverrides.Add(new CouplingOverrideRow { PersonId = personId, Coupling = code, UpdatedAt = at });
        }
        else
        {
            row.Coupling = code;
            row.UpdatedAt = at;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
