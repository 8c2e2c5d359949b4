namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>The words looked like a time but did not parse ("till fikat").</summary>
public sealed record TimeNotUnderstood(string Message) : TimeFailure(Message);
