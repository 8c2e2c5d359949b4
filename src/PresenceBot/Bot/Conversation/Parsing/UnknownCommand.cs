namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>
/// Not a command. <see cref="Suggestions"/> are commands the writer may have meant ("/semester" for "/semster"),
/// nearest first; <see cref="Message"/> is the Swedish answer built from them.
/// </summary>
public sealed record UnknownCommand(string Text, IReadOnlyList<string> Suggestions) : ParsedCommand
{
    public string Message => ParserMessages.UnknownCommand(Text, Suggestions);
}
