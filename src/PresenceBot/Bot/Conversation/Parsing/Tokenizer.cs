using System.Globalization;

namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>
/// Splits a message into <see cref="Token"/>s. Numbers are classified here ("15:00" is a clock, "1/12" a date,
/// "1,5" a decimal) so the grammar reasons about kinds, never about characters.
/// </summary>
internal static class Tokenizer
{
    // Longer digit runs are never a time; capping keeps int parsing safe for "till 99999999999".
    private const int MaxDigits = 6;

    public static IReadOnlyList<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsLetter(c))
            {
                i = ReadWord(text, i, tokens);
            }
            else if (char.IsAsciiDigit(c))
            {
                i = ReadNumeric(text, i, tokens);
            }
            else
            {
                var kind = c is '-' or '–' or '—' or ':' or ',' or ';' or '.' or '!' ? TokenKind.Separator : TokenKind.Symbol;
                tokens.Add(new Token(kind, text[i..(i + 1)], text[i..(i + 1)], i, i + 1));
                i++;
            }
        }

        return tokens;
    }

    private static int ReadWord(string text, int start, List<Token> tokens)
    {
        var end = start;
        while (end < text.Length && (char.IsLetter(text[end]) || (text[end] == '.' && char.IsLetter(text[end - 1]))))
        {
            end++;
        }

        var word = text[start..end];
        tokens.Add(new Token(TokenKind.Word, word, Folding.Fold(word), start, end));
        return end;
    }

    private static int ReadNumeric(string text, int start, List<Token> tokens)
    {
        var end = SkipDigits(text, start);
        var digits = text[start..end];
        var value = Parse(digits);

        if (digits.Length == 4 && TryIsoDate(text, end, out var isoEnd, out var month, out var day))
        {
            tokens.Add(Numeric(TokenKind.Date, text, start, isoEnd) with { Value = day, Second = month, Year = value });
            return isoEnd;
        }

        if (At(text, end, ':', '.') && TwoDigitsAt(text, end + 1))
        {
            var minute = Parse(text[(end + 1)..(end + 3)]);
            var leadingZero = digits.Length > 1 && digits[0] == '0';
            tokens.Add(Numeric(TokenKind.Clock, text, start, end + 3) with { Value = value, Second = minute, LeadingZero = leadingZero });
            return end + 3;
        }

        // Swedish ordinals: "den 3:e december", "1:a".
        if (At(text, end, ':') && end + 1 < text.Length && text[end + 1] is 'e' or 'a' or 'E' or 'A'
            && (end + 2 >= text.Length || !char.IsLetter(text[end + 2])))
        {
            tokens.Add(Numeric(TokenKind.Number, text, start, end + 2) with { Value = value });
            return end + 2;
        }

        if (At(text, end, ',', '.') && DigitAt(text, end + 1))
        {
            var fractionEnd = SkipDigits(text, end + 1);
            var fraction = decimal.Parse($"{digits}.{text[(end + 1)..fractionEnd]}", NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            tokens.Add(Numeric(TokenKind.Decimal, text, start, fractionEnd) with { Fraction = fraction });
            return fractionEnd;
        }

        if (At(text, end, '/') && DigitAt(text, end + 1))
        {
            var monthEnd = SkipDigits(text, end + 1);
            var dateToken = Numeric(TokenKind.Date, text, start, monthEnd) with { Value = value, Second = Parse(text[(end + 1)..monthEnd]) };
            if (At(text, monthEnd, '/') && DigitAt(text, monthEnd + 1))
            {
                var yearEnd = SkipDigits(text, monthEnd + 1);
                var year = Parse(text[(monthEnd + 1)..yearEnd]);
                dateToken = dateToken with { End = yearEnd, Text = text[start..yearEnd], Folded = text[start..yearEnd], Year = year < 100 ? 2000 + year : year };
                monthEnd = yearEnd;
            }

            tokens.Add(dateToken);
            return monthEnd;
        }

        tokens.Add(Numeric(TokenKind.Number, text, start, end) with { Value = value, LeadingZero = digits.Length > 1 && digits[0] == '0' });
        return end;
    }

    private static bool TryIsoDate(string text, int end, out int isoEnd, out int month, out int day)
    {
        isoEnd = end;
        month = day = 0;
        if (!At(text, end, '-') || !DigitAt(text, end + 1))
        {
            return false;
        }

        var monthEnd = SkipDigits(text, end + 1);
        if (!At(text, monthEnd, '-') || !DigitAt(text, monthEnd + 1))
        {
            return false;
        }

        var dayEnd = SkipDigits(text, monthEnd + 1);
        month = Parse(text[(end + 1)..monthEnd]);
        day = Parse(text[(monthEnd + 1)..dayEnd]);
        isoEnd = dayEnd;
        return true;
    }

    private static Token Numeric(TokenKind kind, string text, int start, int end) =>
        new(kind, text[start..end], text[start..end], start, end);

    private static int Parse(string digits) =>
        digits.Length > MaxDigits ? int.MaxValue : int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int SkipDigits(string text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool At(string text, int i, char a, char b = '\0') => i < text.Length && (text[i] == a || text[i] == b);

    private static bool DigitAt(string text, int i) => i < text.Length && char.IsAsciiDigit(text[i]);

    private static bool TwoDigitsAt(string text, int i) =>
        DigitAt(text, i) && DigitAt(text, i + 1) && !DigitAt(text, i + 2);
}
