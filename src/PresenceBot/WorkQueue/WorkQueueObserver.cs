using Microsoft.EntityFrameworkCore;
using NodaTime;
using PresenceBot.Storage;

namespace PresenceBot.WorkQueue;

/// <summary>Looks at the tables every <see cref="Interval"/> for the gauges of <see cref="WorkQueueMetrics"/>.</summary>
internal sealed class WorkQueueObserver(
    IDbContextFactory<PresenceBotDbContext> contexts, WorkQueueMetrics metrics, TimeProvider time, ILogger<WorkQueueObserver> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    public async Task<IReadOnlyList<WorkKindStatus>> ReadAsync(CancellationToken cancellationToken)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var waiting = await db.WorkItems.AsNoTracking().GroupBy(w => w.Kind)
            .Select(g => new { Kind = g.Key, Count = g.LongCount(), Oldest = g.Min(w => w.CreatedAt) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var dead = await db.DeadLetters.AsNoTracking().GroupBy(d => d.Kind)
            .Select(g => new { Kind = g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(d => d.Kind, d => d.Count, cancellationToken).ConfigureAwait(false);
        var status = waiting.Select(w => new WorkKindStatus(w.Kind, w.Count, now - w.Oldest, dead.GetValueOrDefault(w.Kind)))
            .Concat(dead.Where(d => waiting.All(w => w.Kind != d.Key)).Select(d => new WorkKindStatus(d.Key, 0, Duration.Zero, d.Value)))
            .OrderBy(s => s.Kind, StringComparer.Ordinal)
            .ToList();
        metrics.Observe(status);
        return status;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReadAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The database may be briefly away; the gauges keep their last values until the next look.
                WorkQueueLog.LoopFailed(logger, "observer", ex);
                await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }
}
