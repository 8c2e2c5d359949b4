using NodaTime;
using PresenceBot.Referrals.Coverage;

namespace PresenceBot.Referrals.Reminders;

/// <summary>
/// What managers were already told: the gaps alerted (or digested) and not yet closed, and the working day whose
/// digest went out last. Persisted by the host between evaluations.
/// </summary>
public sealed record CoverageAlertState(IReadOnlySet<GapKey> Alerted, LocalDate? DigestSentFor)
{
    public static CoverageAlertState Empty { get; } = new(new HashSet<GapKey>(), null);
}
