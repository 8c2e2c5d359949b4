using NodaTime;

namespace PresenceBot.Bot.Conversation;

/// <summary>A gap in a unit's phone hours: when, in words, and who would answer in it (fewer than needed).</summary>
internal sealed record UnitGap(Interval Interval, string Span, IReadOnlyList<string> Answering);
