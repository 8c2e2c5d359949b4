using NodaTime;
using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Referrals.Reminders;

/// <summary>When managers hear about gaps and which bookings warn staff (the host binds these from configuration).</summary>
public sealed record CoverageAlertRules
{
    /// <summary>When managers get the next working day's gaps (the day before, on a working day).</summary>
    public LocalTime DigestAt { get; init; } = new(15, 0);

    /// <summary>A new gap starting within this much time is alerted at once; later ones wait for the digest or the horizon.</summary>
    public Duration AlertHorizon { get; init; } = Duration.FromHours(4);

    /// <summary>Referral reasons that count as "booking a meeting" for the staff warning; absences such as sickness never warn.</summary>
    public IReadOnlySet<Reason> StaffWarningReasons { get; init; } = new HashSet<Reason> { Reason.Meeting };
}
