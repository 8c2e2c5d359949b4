using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using PresenceBot.Referrals.Service;
using PresenceBot.Storage;

namespace PresenceBot.Outbox;

/// <summary>
/// Delivers committed <see cref="ReferralChanged"/> events to every <see cref="IReferralChangeHandler"/>,
/// at least once: what was committed but not delivered when the process died is picked up at the next
/// start. A lease on each row keeps two instances from delivering the same message at the same time.
/// </summary>
internal sealed class OutboxDispatcher(
    IDbContextFactory<PresenceBotDbContext> contexts,
    IEnumerable<IReferralChangeHandler> handlers,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 50;

    /// <summary>Delivers what is due now; returns how many messages were delivered.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = Now;
        var candidates = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ProcessedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.OccurredAt)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        foreach (var id in candidates)
        {
            if (await TryDeliverAsync(db, id, cancellationToken).ConfigureAwait(false))
            {
                delivered++;
            }
        }

        return delivered;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchPendingAsync(stoppingToken).ConfigureAwait(false);
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The database may be briefly unavailable; undelivered messages stay in the table for the next round.
                Log.OutboxLoopFailed(logger, ex);
                await Task.Delay(options.Value.PollInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private Instant Now => Instant.FromDateTimeOffset(time.GetUtcNow());

    private async Task<bool> TryDeliverAsync(PresenceBotDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var now = Now;
        var leaseEnd = now + Duration.FromTimeSpan(options.Value.Lease);
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.ProcessedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.LockedUntil, leaseEnd).SetProperty(x => x.Attempts, x => x.Attempts + 1), cancellationToken)
            .ConfigureAwait(false);
        if (claimed == 0)
        {
            return false;
        }

        var message = await db.OutboxMessages.AsNoTracking().FirstAsync(m => m.Id == id, cancellationToken).ConfigureAwait(false);
        try
        {
            var change = JsonSerializer.Deserialize<OutboxPayload>(message.Payload)!.ToEvent();
            foreach (var handler in handlers)
            {
                await handler.HandleAsync(change, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failing subscriber must not stop the others' events; back off with the attempt count and retry.
            Log.OutboxDeliveryFailed(logger, id, message.Attempts, ex);
            // Attempts already counts this one: 5 s after the first failure, doubling up to 5 minutes.
            var retryAt = Now + Duration.FromSeconds(Math.Min(300, 5 * Math.Pow(2, Math.Min(message.Attempts - 1, 6))));
            var error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            await db.OutboxMessages.Where(m => m.Id == id)
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.LockedUntil, retryAt).SetProperty(x => x.LastError, error), cancellationToken)
                .ConfigureAwait(false);
            return false;
        }

        var processedAt = Now;
        await db.OutboxMessages.Where(m => m.Id == id)
            .ExecuteUpdateAsync(
                m => m.SetProperty(x => x.ProcessedAt, processedAt).SetProperty(x => x.LockedUntil, (Instant?)null).SetProperty(x => x.LastError, (string?)null),
                cancellationToken)
            .ConfigureAwait(false);
        return true;
    }
}
