namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>"/röstbrevlåda": the person's unread voicemail.</summary>
public sealed record VoicemailCommand : ParsedCommand;
