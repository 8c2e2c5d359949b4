using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using PresenceBot.Storage;

namespace PresenceBot.Jobs;

/// <summary>
/// Deletes referrals that ended, audit entries written and work that died (dead letters) more than
/// <c>Retention:Days</c> ago: the service keeps no more personal data than it needs. Work still waiting is
/// kept whatever its age (done work leaves the queue at once).
/// </summary>
internal sealed class RetentionJob(
    IDbContextFactory<PresenceBotDbContext> contexts,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionJob> logger)
{
    public const string RecurringJobId = "retention";

    public async Task<RetentionResult> RunAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.Days;
        var cutoff = Instant.FromDateTimeOffset(time.GetUtcNow()) - Duration.FromDays(days);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var referrals = await db.Referrals.Where(r => r.ReturnsAt < cutoff && (r.EndedAt == null || r.EndedAt < cutoff))
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var audit = await db.AuditEntries.Where(a => a.At < cutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var dead = await db.DeadLetters.Where(d => d.DeadAt < cutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);

        // A person with nothing left keeps no row either (it holds their last "tillbaka"). A writer that
        // read the row just before simply retries: its version check fails and it starts again from none.
        await db.PersonStates
            .Where(p => (p.LastReturnAt == null || p.LastReturnAt < cutoff) && !db.Referrals.Any(r => r.PersonId == p.PersonId))
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        Log.RetentionDone(logger, referrals, audit, dead, days);
        return new RetentionResult(referrals, audit, dead);
    }
}
