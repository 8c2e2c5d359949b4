namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>"/hjälp", or a bare @-mention with nothing after it.</summary>
public sealed record HelpCommand : ParsedCommand;
