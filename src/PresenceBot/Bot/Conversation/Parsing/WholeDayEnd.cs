namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>
/// When a whole day of absence ends. Away from work, the person is back the next working morning (callers hear
/// "i morgon klockan 08.00"); working remotely ends with today's working hours (the issue: "/distans idag").
/// </summary>
internal enum WholeDayEnd
{
    NextWorkingMorning,
    EndOfWorkingHours,
}
