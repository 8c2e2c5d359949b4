using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Storage;

namespace PresenceBot.Jobs;

/// <summary>
/// Keeps no more personal data than the service needs: applies <see cref="RetentionRules"/> — what is older than
/// <c>Retention:Days</c>, and what is about a person who has left the organisation once older than
/// <c>Retention:LeaverGraceDays</c>. Work still waiting in the queue is kept whatever its age; dead letters go after <c>Retention:Days</c>.
/// </summary>
internal sealed class RetentionJob(
    IDbContextFactory<PresenceBotDbContext> contexts,
    IOrganisationSource organisation,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionJob> logger)
{
    public const string RecurringJobId = "retention";

    public async Task<RetentionResult> RunAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.Days;
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var cutoff = now - Duration.FromDays(days);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var referrals = await db.Referrals.Where(r => r.ReturnsAt < cutoff && (r.EndedAt == null || r.EndedAt < cutoff))
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var audit = await db.AuditEntries.Where(a => a.At < cutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var dead = await db.DeadLetters.Where(d => d.DeadAt < cutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var other = await DeleteAgedAsync(db, now, cutoff, cancellationToken).ConfigureAwait(false);
        var here = organisation.Current.People.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        other += await LeaverRetention.RunAsync(db, here, now - Duration.FromDays(options.Value.LeaverGraceDays), cancellationToken).ConfigureAwait(false);

        // A person with nothing left keeps no row either (it holds their last "tillbaka"). A writer that
        // read the row just before simply retries: its version check fails and it starts again from none.
        // A forwarding (who covers whom) over for Days is forgotten; the row's version stays.
        await db.PersonStates.Where(p => p.ForwardUntil < cutoff)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.ForwardToId, (string?)null).SetProperty(p => p.ForwardFrom, (Instant?)null)
                .SetProperty(p => p.ForwardUntil, (Instant?)null).SetProperty(p => p.ForwardSetAt, (Instant?)null), cancellationToken)
            .ConfigureAwait(false);
        await db.PersonStates
            .Where(p => (p.LastReturnAt == null || p.LastReturnAt < cutoff) && (p.ForwardUntil == null || p.ForwardUntil < cutoff)
                && !db.Referrals.Any(r => r.PersonId == p.PersonId))
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        Log.RetentionDone(logger, referrals, audit, dead, days);
        return new RetentionResult(referrals, audit, dead, other);
    }

    /// <summary>The age rules of the tables beyond referrals, audit and dead letters.</summary>
    private static async Task<int> DeleteAgedAsync(PresenceBotDbContext db, Instant now, Instant cutoff, CancellationToken cancellationToken)
    {
        var deleted = 0;
        deleted += await db.Voicemails.Where(v => v.UpdatedAt < cutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        deleted += await db.VoicemailSnoozes.Where(s => s.Until < now).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        deleted += await db.SentReminders.Where(r => r.ClaimedAt < cutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        deleted += await db.Subscriptions.Where(s => s.ExpiresAt < cutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        // An event over for Days is in the past for every calendar reader, and its referral is gone too.
        deleted += await db.WrittenEvents.Where(w => w.End < cutoff && w.ChangedAt < cutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        deleted += await db.CalendarSyncStates.Where(s => s.SyncedAt < cutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        deleted += await db.ConversationReferences.Where(c => c.IsStale && c.UpdatedAt < cutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var unreadGroups = db.GroupMembershipStates.Where(g => g.SyncedAt < cutoff).Select(g => g.GroupId);
        deleted += await db.GroupMembers.Where(m => unreadGroups.Contains(m.GroupId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        deleted += await db.GroupMembershipStates.Where(g => g.SyncedAt < cutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        return deleted;
    }
}
