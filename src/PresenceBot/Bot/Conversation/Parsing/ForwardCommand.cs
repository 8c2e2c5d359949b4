namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>
/// "/vidarekoppla till Ida Berg till 15:00": forward one's calls to a colleague (a name, part of one, or an e-mail
/// address). <see cref="Until"/> is null when no end was given (the forwarding then lasts as long as what is in force).
/// </summary>
public sealed record ForwardCommand(string Colleague, TimeExpressionResult? Until) : ParsedCommand;
