namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>"till 15:00", "till halv fyra", "till i morgon kl 8", "till fredag 12:00"; no day means today.</summary>
internal sealed record ClockSyntax(DayReference? Day, ClockReading Clock) : TimeSyntax;
