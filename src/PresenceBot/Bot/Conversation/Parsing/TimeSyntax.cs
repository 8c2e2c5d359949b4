namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>
/// A time expression as written, before it meets a clock: the grammar builds it, <see cref="TimeResolver"/> gives
/// it meaning against "now" and the working calendar. Keeping the two apart keeps the grammar free of rules.
/// </summary>
internal abstract record TimeSyntax;
