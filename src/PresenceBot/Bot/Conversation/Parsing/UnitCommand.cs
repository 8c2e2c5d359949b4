namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>"/enhet": the units the writer manages (or their own): who is away, who answers, and the phone hours' gaps.</summary>
public sealed record UnitCommand : ParsedCommand;
