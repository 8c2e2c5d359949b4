namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>The time has already passed ("till 3" said at 16:00).</summary>
public sealed record TimePast(string Message) : TimeFailure(Message);
