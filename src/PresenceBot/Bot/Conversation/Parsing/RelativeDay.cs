namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>"idag" (0), "i morgon" (1), "i övermorgon" (2).</summary>
internal sealed record RelativeDay(int DaysFromToday) : DayReference;
