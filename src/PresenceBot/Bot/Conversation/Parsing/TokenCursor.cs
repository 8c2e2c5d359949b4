namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>
/// A position in the token list for the recursive-descent grammar. Rules that fail put
/// <see cref="Position"/> back, so alternatives can be tried in order.
/// </summary>
internal sealed class TokenCursor(IReadOnlyList<Token> tokens)
{
    public IReadOnlyList<Token> Tokens { get; } = tokens;

    public int Position { get; set; }

    public bool AtEnd => Position >= Tokens.Count;

    /// <summary>Only separators are left ("till 15." or "till 15 –").</summary>
    public bool AtEndIgnoringSeparators => Tokens.Skip(Position).All(t => t.Kind == TokenKind.Separator);

    public Token? Peek(int ahead = 0) => Position + ahead < Tokens.Count ? Tokens[Position + ahead] : null;

    /// <summary>Consumes the words in order, or nothing.</summary>
    public bool Accept(params string[] folded)
    {
        for (var i = 0; i < folded.Length; i++)
        {
            if (Peek(i) is not { } token || !token.IsWord(folded[i]))
            {
                return false;
            }
        }

        Position += folded.Length;
        return true;
    }

    /// <summary>Consumes one token of <paramref name="kind"/>.</summary>
    public Token? Accept(TokenKind kind)
    {
        if (Peek() is { } token && token.Kind == kind)
        {
            Position++;
            return token;
        }

        return null;
    }

    /// <summary>Consumes a word found in <paramref name="lexicon"/>.</summary>
    public bool AcceptWord<T>(IReadOnlyDictionary<string, T> lexicon, out T value)
    {
        if (Peek() is { Kind: TokenKind.Word } token && lexicon.TryGetValue(token.Folded, out value!))
        {
            Position++;
            return true;
        }

        value = default!;
        return false;
    }

    public void SkipSeparators()
    {
        while (Peek() is { Kind: TokenKind.Separator })
        {
            Position++;
        }
    }
}
