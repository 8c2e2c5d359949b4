namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>"1/12", "2026-12-01", "den 3 december": raw numbers, checked when resolved so "31/2" can be named impossible.</summary>
internal sealed record DateReference(int Day, int Month, int? Year) : DayReference;
