using NodaTime;

namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>"måndag", "på fredag", or "nästa måndag" (<see cref="NextWeek"/>: that day in next ISO week).</summary>
internal sealed record WeekdayReference(IsoDayOfWeek Day, bool NextWeek) : DayReference;
