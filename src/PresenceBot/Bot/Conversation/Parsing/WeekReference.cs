namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>
/// "vecka 49" (<see cref="Number"/>, maybe <see cref="Year"/>) or, with no number, the week
/// <see cref="WeeksFromNow"/> ahead of the current one ("nästa vecka" = 1, "resten av veckan" = 0).
/// </summary>
internal sealed record WeekReference(int? Number, int? Year, int WeeksFromNow);
