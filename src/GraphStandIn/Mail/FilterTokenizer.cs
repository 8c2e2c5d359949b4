namespace PresenceBot.GraphStandIn.Mail;

/// <summary>Splits an OData <c>$filter</c> into names (paths and keywords), quoted strings and punctuation.</summary>
internal static class FilterTokenizer
{
    public static List<FilterToken> Split(string text)
    {
        var tokens = new List<FilterToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ':' or ',')
            {
                tokens.Add(new FilterToken(FilterTokenKind.Punctuation, c.ToString()));
                i++;
            }
            else if (c == '\'')
            {
                i = ReadString(text, i, tokens);
            }
            else if (char.IsLetterOrDigit(c) || c is '_' or '$')
            {
                var start = i;
                var literal = char.IsDigit(c);
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '$' or '/' or '.' || (literal && text[i] is '-' or ':' or '+')))
                {
                    i++;
                }

                tokens.Add(new FilterToken(FilterTokenKind.Name, text[start..i]));
            }
            else
            {
                throw QueryException.Invalid($"Invalid filter clause: unexpected '{c}' at position {i}.");
            }
        }

        return tokens;
    }

    private static int ReadString(string text, int i, List<FilterToken> tokens)
    {
        var value = new System.Text.StringBuilder();
        i++;
        while (true)
        {
            if (i >= text.Length)
            {
                throw QueryException.Invalid("Invalid filter clause: a string literal is not closed.");
            }

            if (text[i] == '\'')
            {
                if (i + 1 < text.Length && text[i + 1] == '\'')
                {
                    value.Append('\'');
                    i += 2;
                    continue;
                }

                tokens.Add(new FilterToken(FilterTokenKind.String, value.ToString()));
                return i + 1;
            }

            value.Append(text[i++]);
        }
    }
}
