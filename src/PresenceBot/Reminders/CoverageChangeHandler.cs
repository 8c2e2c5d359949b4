using NodaTime;
using PresenceBot.Referrals.Service;

namespace PresenceBot.Reminders;

/// <summary>
/// A committed change (calendar, bot or switchboard) may open or close a gap: evaluate coverage at once rather than at
/// the next minute. Seeing the same event twice is harmless — the second evaluation finds everything claimed.
/// </summary>
internal sealed class CoverageChangeHandler(CoverageRound round) : IReferralChangeHandler
{
    /// <summary>
    /// An event's time is taken just before its commit; an evaluation that started this much later has read it. A
    /// calendar burst (hundreds of changes a second) then costs back-to-back evaluations, not one per change — and
    /// should the margin ever be too short, the minute job still sends within a minute.
    /// </summary>
    private static readonly Duration CommitMargin = Duration.FromSeconds(5);

    public Task HandleAsync(ReferralChanged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return round.StartedAfter(change.OccurredAt + CommitMargin) ? Task.CompletedTask : round.RunAsync(cancellationToken);
    }
}
