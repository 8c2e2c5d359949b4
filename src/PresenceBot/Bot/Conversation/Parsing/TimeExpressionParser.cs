using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>
/// Reads a Swedish time expression on its own ("till 15:00", "t.o.m. fredag", "i 45 min"), as typed into the
/// card that asks for a missing end. The whole text must be the expression: a stray word would otherwise be dropped
/// silently, and a time half-read is a time not meant.
/// </summary>
public static class TimeExpressionParser
{
    /// <summary>
    /// Resolves <paramref name="text"/> against <paramref name="context"/>. <paramref name="reason"/> matters only for
    /// whole days: remote work ends with the working day, any other absence the next working morning.
    /// </summary>
    public static TimeExpressionResult Parse(string text, TimeContext context, Reason reason = Reason.Away)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);

        var cursor = new TokenCursor(Tokenizer.Tokenize(text));
        if (cursor.AtEndIgnoringSeparators)
        {
            return new TimeMissing();
        }

        var syntax = TimeGrammar.Parse(cursor, out _);
        if (syntax is null || !cursor.AtEndIgnoringSeparators)
        {
            return new TimeNotUnderstood(ParserMessages.NotUnderstood(text.Trim()));
        }

        return Resolve(syntax, context, reason);
    }

    internal static TimeExpressionResult Resolve(TimeSyntax syntax, TimeContext context, Reason reason) =>
        new TimeResolver(context, reason == Reason.Remote ? WholeDayEnd.EndOfWorkingHours : WholeDayEnd.NextWorkingMorning)
            .Resolve(syntax);
}
