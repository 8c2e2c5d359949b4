namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>"/status": what is in force now, what the calendar does next, and the talsvar.</summary>
public sealed record StatusCommand : ParsedCommand;
