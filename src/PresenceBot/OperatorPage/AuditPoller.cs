using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using PresenceBot.Storage;

namespace PresenceBot.OperatorPage;

/// <summary>
/// With several instances the outbox delivers a change on whichever instance claims it, so the pages open on the others
/// would not hear of it. While a page is open here, this reads the audit trail (written in every change's own
/// transaction) every <see cref="OperatorPageOptions.PollInterval"/> and passes on what changed since the last read.
/// Reads overlap by <see cref="Overlap"/>, since a change's time is taken just before its commit; the feed drops what
/// it has already sent (this instance's own changes among them). With no page open it reads nothing.
/// </summary>
internal sealed class AuditPoller(
    ChangeFeed feed, IDbContextFactory<PresenceBotDbContext> contexts, IOptions<OperatorPageOptions> options, TimeProvider time, ILogger<AuditPoller> logger)
    : BackgroundService
{
    public static readonly Duration Overlap = Duration.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Instant? since = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.PollInterval, time, stoppingToken).ConfigureAwait(false);
            if (feed.SubscriberCount == 0)
            {
                since = null;
                continue;
            }

            var now = Instant.FromDateTimeOffset(time.GetUtcNow());
            var from = (since ?? now) - Overlap;
            try
            {
                await using var db = await contexts.CreateDbContextAsync(stoppingToken).ConfigureAwait(false);
                var changes = await db.AuditEntries.AsNoTracking()
                    .Where(a => a.At > from)
                    .Select(a => new { a.PersonId, a.At })
                    .Distinct()
                    .ToListAsync(stoppingToken).ConfigureAwait(false);
                foreach (var change in changes.OrderBy(c => c.At))
                {
                    feed.PublishUnseen(change.PersonId, change.At);
                }

                since = now;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A database hiccup: the next read covers the same time again (since is unchanged), so nothing is missed.
                OperatorPageLog.PollFailed(logger, ex);
            }
        }
    }
}
