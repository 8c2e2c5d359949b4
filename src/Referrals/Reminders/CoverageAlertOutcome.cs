namespace PresenceBot.Referrals.Reminders;

/// <summary>What to send now and the state to keep for the next evaluation.</summary>
public sealed record CoverageAlertOutcome(IReadOnlyList<ReminderMessage> Messages, CoverageAlertState State);
