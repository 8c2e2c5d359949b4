using NodaTime;
using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Referrals.Reminders;

/// <summary>The voicemail reminder thresholds (the host binds them from configuration); defaults are the policy's.</summary>
public sealed record VoicemailReminderRules
{
    /// <summary>How long a message may wait unheard in working hours before the first reminder.</summary>
    public Duration FirstAfter { get; init; } = Duration.FromMinutes(30);

    /// <summary>The least time between two reminders about the same unheard messages.</summary>
    public Duration RepeatEvery { get; init; } = Duration.FromHours(2);

    /// <summary>When anything from today still unheard gets "ring tillbaka i dag", so callers hear back the same day.</summary>
    public LocalTime LastCallAt { get; init; } = new(15, 0);

    /// <summary>What "Påminn om en timme" postpones by.</summary>
    public Duration SnoozeFor { get; init; } = Duration.FromHours(1);

    /// <summary>Referrals during which nobody is reminded (rule 9): they get the digest on their next working morning.</summary>
    public IReadOnlySet<Reason> SuppressedBy { get; init; } = new HashSet<Reason> { Reason.Vacation, Reason.Leave, Reason.Sick };
}
