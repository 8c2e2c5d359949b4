namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>"/tillbaka": end whatever is in force now, manual or calendar.</summary>
public sealed record ReturnCommand : ParsedCommand;
