using NodaTime;
using NodaTime.Text;

namespace PresenceBot.Referrals.Reminders;

/// <summary>
/// A voicemail reminder that is due now. <see cref="DueAt"/> follows from the inputs alone (a message's arrival, the
/// last reminder, 15:00, the working morning), never from when the job happened to run, so two instances deciding a
/// few seconds apart name the same <see cref="Slot"/> and only one of them wins the claim.
/// </summary>
public sealed record VoicemailReminderDue(ReminderKind Kind, Instant DueAt)
{
    public string Slot => InstantPattern.ExtendedIso.Format(DueAt);
}
