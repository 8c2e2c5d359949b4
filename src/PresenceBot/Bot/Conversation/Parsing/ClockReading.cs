namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>
/// An hour and minute as written, not yet checked. <see cref="TwelveHour"/> marks readings that may mean the
/// afternoon: words ("halv fyra") and bare hours 1–11 written without a leading zero ("till 3").
/// </summary>
internal sealed record ClockReading(int Hour, int Minute, bool TwelveHour);
