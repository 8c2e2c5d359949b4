using Microsoft.EntityFrameworkCore;
using PresenceBot.CalendarSync.Membership;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Storage.Rows;

namespace PresenceBot.Storage;

internal sealed class EfGroupMembershipStateStore(IDbContextFactory<PresenceBotDbContext> contexts) : IGroupMembershipStateStore
{
    public async Task<IReadOnlyList<GroupMembershipState>> LoadAllAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var states = await db.GroupMembershipStates.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var members = (await db.GroupMembers.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(m => m.GroupId, StringComparer.OrdinalIgnoreCase);
        return [.. states.Select(s => new GroupMembershipState(
            s.GroupId,
            s.DeltaLink,
            [.. members[s.GroupId].Select(m => new GroupMember(m.UserId, m.Upn, m.Name))],
            s.FullReadAt,
            s.SyncedAt))];
    }

    /// <summary>Only the members that changed are written: most rounds just move the delta link on.</summary>
    public async Task SaveAsync(GroupMembershipState state, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.GroupMembershipStates.FirstOrDefaultAsync(s => s.GroupId == state.GroupId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            row = new GroupMembershipStateRow { GroupId = state.GroupId, DeltaLink = state.DeltaLink };
            db.GroupMembershipStates.Add(row);
        }

        row.DeltaLink = state.DeltaLink;
        row.FullReadAt = state.FullReadAt;
        row.SyncedAt = state.SyncedAt;

        var stored = await db.GroupMembers.Where(m => m.GroupId == state.GroupId).ToDictionaryAsync(m => m.UserId, cancellationToken).ConfigureAwait(false);
        var now = state.Members.DistinctBy(m => m.Id).ToDictionary(m => m.Id);
        db.GroupMembers.RemoveRange(stored.Values.Where(m => !now.ContainsKey(m.UserId)));
        foreach (var member in now.Values)
        {
            if (!stored.TryGetValue(member.Id, out var known))
            {
                db.GroupMembers.Add(new GroupMemberRow { GroupId = state.GroupId, UserId = member.Id, Upn = member.Upn, Name = member.Name });
            }
            else if (known.Upn != member.Upn || known.Name != member.Name)
            {
                (known.Upn, known.Name) = (member.Upn, member.Name);
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || UniqueViolation.Is(ex))
        {
            // Another instance stored this group at the same moment (each runs the job at start): its read is as
            // good as ours, and the next round continues from whichever link stands.
        }
    }

    public async Task DeleteAsync(string groupId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await db.GroupMembers.Where(m => m.GroupId == groupId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.GroupMembershipStates.Where(s => s.GroupId == groupId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
