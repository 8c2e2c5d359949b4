using PresenceBot.Referrals.Service;

namespace PresenceBot.Reminders;

/// <summary>
/// A committed change (calendar, bot or switchboard) may open or close a gap: evaluate coverage at once rather than at
/// the next minute. Seeing the same event twice is harmless — the second evaluation finds everything claimed.
/// </summary>
internal sealed class CoverageChangeHandler(CoverageRound round) : IReferralChangeHandler
{
    public Task HandleAsync(ReferralChanged change, CancellationToken cancellationToken) => round.RunAsync(cancellationToken);
}
