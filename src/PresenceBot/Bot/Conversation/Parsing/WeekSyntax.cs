namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>"vecka 49", "till nästa vecka", "t.o.m. vecka 2", "resten av veckan".</summary>
internal sealed record WeekSyntax(WeekReference Week, DayMode Mode) : TimeSyntax;
