namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>A time that must not be stored; <see cref="Message"/> is the Swedish answer, with examples.</summary>
public abstract record TimeFailure(string Message) : TimeExpressionResult;
