using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using PresenceBot.Referrals.Coverage;
using PresenceBot.Referrals.Reminders;
using PresenceBot.Reminders;
using PresenceBot.Storage.Rows;

namespace PresenceBot.Storage;

/// <summary>The once-only log of reminders and alerts, and the coverage alert state, in the product database.</summary>
internal sealed class EfReminderLog(IDbContextFactory<PresenceBotDbContext> contexts, TimeProvider time) : IReminderLog
{
    /// <summary>The digest marker's recipient and subject: "the digest for this day was evaluated", whoever it went to.</summary>
    private const string DigestMarker = "";

    private static readonly string[] VoicemailKinds =
    [
        nameof(ReminderKind.VoicemailFirst), nameof(ReminderKind.VoicemailRepeat),
        nameof(ReminderKind.VoicemailLastCall), nameof(ReminderKind.VoicemailDigest),
    ];

    public Task<bool> TryClaimAsync(ReminderMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return TryInsertAsync(message.Kind.ToString(), message.RecipientId, message.Subject, message.Slot, cancellationToken);
    }

    public async Task ReleaseAsync(ReminderMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var kind = message.Kind.ToString();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.SentReminders
            .Where(r => r.Kind == kind && r.RecipientId == message.RecipientId && r.Subject == message.Subject && r.Slot == message.Slot)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<SentReminder?> LastVoicemailReminderAsync(string personId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var last = await db.SentReminders.AsNoTracking()
            .Where(r => r.RecipientId == personId && r.Subject == personId && VoicemailKinds.Contains(r.Kind))
            .OrderByDescending(r => r.ClaimedAt)
            .Select(r => new { r.Kind, r.ClaimedAt })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return last is null ? null : new SentReminder(Enum.Parse<ReminderKind>(last.Kind), last.ClaimedAt);
    }

    public async Task<CoverageAlertState> LoadCoverageStateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var gaps = await db.AlertedGaps.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var digestKind = nameof(ReminderKind.CoverageDigest);
        var digestSlots = await db.SentReminders.AsNoTracking()
            .Where(r => r.Kind == digestKind && r.RecipientId == DigestMarker)
            .Select(r => r.Slot)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var digestFor = digestSlots.Select(s => LocalDatePattern.Iso.Parse(s)).Where(p => p.Success).Select(p => (LocalDate?)p.Value).Max();
        return new CoverageAlertState(gaps.Select(g => new GapKey(g.UnitId, new Interval(g.From, g.To))).ToHashSet(), digestFor);
    }

    public async Task SaveCoverageStateAsync(CoverageAlertState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var stored = await db.AlertedGaps.ToListAsync(cancellationToken).ConfigureAwait(false);
            var storedKeys = stored.Select(g => new GapKey(g.UnitId, new Interval(g.From, g.To))).ToHashSet();
            db.AlertedGaps.RemoveRange(stored.Where(g => !state.Alerted.Contains(new GapKey(g.UnitId, new Interval(g.From, g.To)))));
            db.AlertedGaps.AddRange(state.Alerted.Where(k => !storedKeys.Contains(k))
                .Select(k => new AlertedGapRow { UnitId = k.UnitId, From = k.Interval.Start, To = k.Interval.End }));
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                // Another instance saved the same evaluation first; its state is as good as ours.
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance removed a closed gap first; likewise.
            }
        }

        if (state.DigestSentFor is { } day && !await DigestMarkedAsync(day, cancellationToken).ConfigureAwait(false))
        {
            // Once a day: every evaluation carries the day the digest went out, and inserting it again each time made the
            // database refuse the duplicate and EF log that at Error (with a stack trace) before it was caught.
            await TryInsertAsync(nameof(ReminderKind.CoverageDigest), DigestMarker, DigestMarker, LocalDatePattern.Iso.Format(day), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private async Task<bool> DigestMarkedAsync(LocalDate day, CancellationToken cancellationToken)
    {
        var (kind, slot) = (nameof(ReminderKind.CoverageDigest), LocalDatePattern.Iso.Format(day));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.SentReminders.AnyAsync(r => r.Kind == kind && r.RecipientId == DigestMarker && r.Subject == DigestMarker && r.Slot == slot, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Inserts the claim unless its key is taken. Losing is the expected outcome whenever two evaluations (two triggers,
    /// two instances) meet, so it is asked for with <c>ON CONFLICT DO NOTHING</c> (SQLite and PostgreSQL alike) rather
    /// than found out by a failed insert, which EF Core would log as an error with a stack trace each time.
    /// </summary>
    private async Task<bool> TryInsertAsync(string kind, string recipientId, string subject, string slot, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var claimedAt = Instant.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
        var insert = ClaimInsert.For(db);
        var inserted = await db.Database.ExecuteSqlRawAsync(
            insert.Sql,
            [Guid.NewGuid(), kind, recipientId, subject, slot, insert.ClaimedAt(claimedAt)],
            cancellationToken).ConfigureAwait(false);
        return inserted == 1;
    }
}
