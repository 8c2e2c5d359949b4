using Microsoft.EntityFrameworkCore;
using NodaTime;
using PresenceBot.Storage;

namespace PresenceBot.Jobs;

/// <summary>
/// Deletes what is about people no longer in the organisation, once it is older than the grace period. A person
/// counts as here while the organisation in force or a stored group member has their id, so a group not yet read after
/// a restart makes nobody a leaver. There is no "left at" column: a row's own last-change time stands in for it.
/// </summary>
internal static class LeaverRetention
{

    public static async Task<int> RunAsync(PresenceBotDbContext db, IReadOnlyCollection<string> here, Instant graceCutoff, CancellationToken cancellationToken)
    {
        if (here.Count == 0)
        {
            // An organisation with nobody in it is a mistake, not everyone leaving at once.
            return 0;
        }

        var people = here.ToList();
        var members = db.GroupMembers.Select(m => m.UserId);
        var deleted = 0;
        deleted += await db.Referrals.Where(r => !people.Contains(r.PersonId) && !members.Contains(r.PersonId) && r.UpdatedAt < graceCutoff)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        deleted += await db.AuditEntries.Where(a => !people.Contains(a.PersonId) && !members.Contains(a.PersonId) && a.At < graceCutoff)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        // Work of the kinds keyed by person (re-reads, publishing) that died; change events, subscription repairs and
        // publishing's timers are keyed otherwise and go by age.
        deleted += await db.DeadLetters
            .Where(d => (d.Kind == Calendar.CalendarWorkKinds.RereadName || d.Kind.StartsWith(Publishing.PublishSetup.KindPrefix))
                && !people.Contains(d.Key) && !members.Contains(d.Key) && d.DeadAt < graceCutoff)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        deleted += await db.Subscriptions.Where(s => !people.Contains(s.PersonId) && !members.Contains(s.PersonId) && s.ExpiresAt < graceCutoff)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        deleted += await db.CalendarSyncStates.Where(s => !people.Contains(s.PersonId) && !members.Contains(s.PersonId) && s.SyncedAt < graceCutoff)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        deleted += await db.ConversationReferences.Where(c => !people.Contains(c.PersonId) && !members.Contains(c.PersonId) && c.UpdatedAt < graceCutoff)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        deleted += await db.CouplingOverrides.Where(c => !people.Contains(c.PersonId) && !members.Contains(c.PersonId) && c.UpdatedAt < graceCutoff)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        deleted += await db.Voicemails.Where(v => !people.Contains(v.PersonId) && !members.Contains(v.PersonId) && v.UpdatedAt < graceCutoff)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        // The coverage digest's marker has no recipient ("") and is nobody's.
        // Nightly runs' claims name a job, not a person (Jobs/Nightly), and must outlive a long outage.
        deleted += await db.SentReminders.Where(r => r.RecipientId != "" && r.Kind != Nightly.EfNightlyRunLog.Kind && !people.Contains(r.RecipientId) && !members.Contains(r.RecipientId) && r.ClaimedAt < graceCutoff)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        deleted += await db.PublishDeliveries.Where(d => !people.Contains(d.PersonId) && !members.Contains(d.PersonId) && d.OccurredAt < graceCutoff)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        deleted += await db.StatusMessages.Where(m => !people.Contains(m.PersonId) && !members.Contains(m.PersonId) && m.SetAt < graceCutoff)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        deleted += await db.WrittenEvents.Where(w => !people.Contains(w.PersonId) && !members.Contains(w.PersonId) && w.ChangedAt < graceCutoff)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        deleted += await db.PersonStates
            .Where(p => !people.Contains(p.PersonId) && !members.Contains(p.PersonId) && (p.LastReturnAt == null || p.LastReturnAt < graceCutoff)
                && !db.Referrals.Any(r => r.PersonId == p.PersonId))
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        return deleted;
    }
}
