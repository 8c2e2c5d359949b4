namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>The time or date does not exist ("till 25:00", "till 31/2", "vecka 54").</summary>
public sealed record TimeImpossible(string Message) : TimeFailure(Message);
