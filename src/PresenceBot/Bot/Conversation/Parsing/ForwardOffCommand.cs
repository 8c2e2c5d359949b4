namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>"/vidarekoppla av": calls come to the person again.</summary>
public sealed record ForwardOffCommand : ParsedCommand;
