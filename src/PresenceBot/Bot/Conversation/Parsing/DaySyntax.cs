namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>"till måndag" (<see cref="DayMode.Until"/>), "t.o.m. fredag" (<see cref="DayMode.Through"/>), "idag" (<see cref="DayMode.Whole"/>).</summary>
internal sealed record DaySyntax(DayReference Day, DayMode Mode) : TimeSyntax;
