namespace PresenceBot.Reminders;

/// <summary>What became of one message: sent by us, already claimed (sent by another run or instance), or failed and released.</summary>
internal enum ReminderOutcome
{
    Sent,
    AlreadyClaimed,
    Failed,
}
