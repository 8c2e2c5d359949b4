using NodaTime;

namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>
/// A return time the person can be held to. <see cref="From"/> is set only when the words name a day or week that
/// has not begun ("/semester vecka 49" said in week 47): the absence starts then rather than now.
/// <see cref="Description"/> is Swedish for the confirmation ("till klockan 15.30").
/// </summary>
public sealed record TimeSuccess(Instant Until, string Description, Instant? From = null) : TimeExpressionResult;
