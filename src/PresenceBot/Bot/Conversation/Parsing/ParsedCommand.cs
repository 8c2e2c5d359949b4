namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>
/// One chat message, understood. The conversation switches over the subtypes; the hierarchy is closed here so
/// nothing else can invent a command the handler does not know.
/// </summary>
public abstract record ParsedCommand
{
    private protected ParsedCommand()
    {
    }
}
