using PresenceBot.Referrals.Reminders;

namespace PresenceBot.Reminders;

/// <summary>
/// What was sent, durably, so every reminder and alert goes out at most once across restarts and instances:
/// claim first (an insert on a unique key), send only if the claim was won, release if sending failed.
/// Also keeps the coverage alert state between evaluations.
/// </summary>
internal interface IReminderLog
{
    /// <summary>True when this caller won the message's (kind, recipient, subject, slot) and should send it.</summary>
    Task<bool> TryClaimAsync(ReminderMessage message, CancellationToken cancellationToken);

    /// <summary>Gives a claim back after a failed send, so a later run can try again.</summary>
    Task ReleaseAsync(ReminderMessage message, CancellationToken cancellationToken);

    /// <summary>The last voicemail reminder claimed for the person, of any voicemail kind.</summary>
    Task<SentReminder?> LastVoicemailReminderAsync(string personId, CancellationToken cancellationToken);

    Task<CoverageAlertState> LoadCoverageStateAsync(CancellationToken cancellationToken);

    Task SaveCoverageStateAsync(CoverageAlertState state, CancellationToken cancellationToken);
}
