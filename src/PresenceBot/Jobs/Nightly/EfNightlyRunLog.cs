using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using PresenceBot.Storage;
using PresenceBot.Storage.Rows;

namespace PresenceBot.Jobs.Nightly;

/// <summary>
/// The nightly claims as rows of <c>sent_reminders</c>, whose unique (kind, recipient, subject, slot) key is already
/// the once-only guard across instances: kind <see cref="Kind"/>, recipient the job id, slot the night's ISO date.
/// No reminder query reads this kind, and a row a night per job is all it adds.
/// </summary>
internal sealed class EfNightlyRunLog(IDbContextFactory<PresenceBotDbContext> contexts, TimeProvider time) : INightlyRunLog
{
    public const string Kind = "NightlyJob";

    public async Task<bool> TryClaimAsync(string jobId, LocalDate night, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.SentReminders.Add(new SentReminderRow
        {
            Id = Guid.NewGuid(),
            Kind = Kind,
            RecipientId = jobId,
            Subject = string.Empty,
            Slot = LocalDatePattern.Iso.Format(night),
            ClaimedAt = Instant.FromDateTimeOffset(time.GetUtcNow()),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return false;
        }
    }

    public async Task ReleaseAsync(string jobId, LocalDate night, CancellationToken cancellationToken)
    {
        var slot = LocalDatePattern.Iso.Format(night);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.SentReminders.Where(r => r.Kind == Kind && r.RecipientId == jobId && r.Slot == slot)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> HasAnyAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.SentReminders.AnyAsync(r => r.Kind == Kind && r.RecipientId == jobId, cancellationToken).ConfigureAwait(false);
    }
}
