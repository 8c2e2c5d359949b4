using Microsoft.Extensions.Options;
using NodaTime;
using PresenceBot.Referrals.Service;

namespace PresenceBot.Reminders;

/// <summary>
/// A committed change (calendar, bot or switchboard) may open or close a gap: evaluate coverage at once rather than at
/// the next minute — but no more often than <see cref="RemindersOptions.CoverageChangeSpacing"/>. Each evaluation
/// reads every unit's referrals, so under a calendar burst back-to-back evaluations were most of the service's
/// allocations (measured: 59 % at 500 notifications/s), and the garbage collections they caused were what made the
/// webhook's slow answers. A change that comes too soon after an evaluation gets one deferred evaluation when the
/// interval is over. Seeing the same event twice is harmless — the second evaluation finds everything claimed.
/// </summary>
internal sealed class CoverageChangeHandler(
    CoverageRound round, IOptions<RemindersOptions> options, TimeProvider time, ILogger<CoverageChangeHandler> logger)
    : IReferralChangeHandler, IDisposable
{
    /// <summary>
    /// An event's time is taken just before its commit; an evaluation that started this much later has read it. Should
    /// the margin ever be too short, the minute job still sends within a minute.
    /// </summary>
    private static readonly Duration CommitMargin = Duration.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private ITimer? _deferred;

    public Task HandleAsync(ReferralChanged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (round.StartedAfter(change.OccurredAt + CommitMargin))
        {
            return Task.CompletedTask;
        }

        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var due = round.LastStartedAt + Duration.FromTimeSpan(options.Value.CoverageChangeSpacing);
        if (due is not { } next || next <= now)
        {
            return round.RunAsync(cancellationToken);
        }

        // The change is committed (the outbox delivers only what is), so an evaluation starting later reads it.
        lock (_gate)
        {
            _deferred ??= time.CreateTimer(_ => _ = RunDeferredAsync(), null, (next - now).ToTimeSpan(), Timeout.InfiniteTimeSpan);
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _deferred?.Dispose();
            _deferred = null;
        }

        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task RunDeferredAsync()
    {
        CancellationToken stopping;
        lock (_gate)
        {
            _deferred?.Dispose();
            _deferred = null;
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            stopping = _stopping.Token;
        }

        try
        {
            await round.RunAsync(stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down; the minute job of the next start evaluates again.
        }
        catch (Exception ex)
        {
            // The minute job evaluates again within a minute; nothing is lost but the earlier alert.
            RemindersLog.DeferredCoverageFailed(logger, ex);
        }
    }
}
