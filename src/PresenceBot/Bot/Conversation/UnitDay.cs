namespace PresenceBot.Bot.Conversation;

/// <summary>One day of a unit's phone hours in "/enhet": the day in words ("i dag"), its hours, and its gaps.</summary>
internal sealed record UnitDay(string Day, IReadOnlyList<string> PhoneHours, IReadOnlyList<UnitGap> Gaps);
