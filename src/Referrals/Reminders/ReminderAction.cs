namespace PresenceBot.Referrals.Reminders;

/// <summary>Buttons a card for the message should offer; the Teams layer owns how they look and post back.</summary>
public enum ReminderAction
{
    /// <summary>"Markera som avlyssnad".</summary>
    MarkVoicemailHeard,

    /// <summary>"Påminn om en timme".</summary>
    SnoozeVoicemail,
}
