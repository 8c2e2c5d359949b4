using PresenceBot.Bot.Conversation.Parsing;

namespace PresenceBot.Tests.Bot.Conversation.Parsing;

public sealed class TokenizerTests
{
    [Fact]
    public void Tokenize_ClassifiesNumbersByShape()
    {
        var tokens = Tokenizer.Tokenize("15:00 15.30 1/12 1/12/27 2026-12-01 1,5 3:e 08 45min");

        Assert.Equal(
            [TokenKind.Clock, TokenKind.Clock, TokenKind.Date, TokenKind.Date, TokenKind.Date, TokenKind.Decimal, TokenKind.Number, TokenKind.Number, TokenKind.Number, TokenKind.Word],
            tokens.Select(t => t.Kind));
        Assert.Equal((15, 30), (tokens[1].Value, tokens[1].Second));
        Assert.Equal(2027, tokens[3].Year);
        Assert.Equal((1, 12, 2026), (tokens[4].Value, tokens[4].Second, tokens[4].Year));
        Assert.Equal(1.5m, tokens[5].Fraction);
        Assert.True(tokens[7].LeadingZero);
    }

    [Fact]
    public void Tokenize_FoldsWordsAndKeepsTheirPlaceInTheText()
    {
        const string text = "T.o.m. Övermorgon – Kör!";
        var tokens = Tokenizer.Tokenize(text);

        Assert.Equal(["tom", "overmorgon", "–", "kor", "!"], tokens.Select(t => t.Folded));
        Assert.Equal("Övermorgon", text[tokens[1].Start..tokens[1].End]);
        Assert.Equal(TokenKind.Separator, tokens[2].Kind);
    }

    [Fact]
    public void Tokenize_HugeNumber_DoesNotOverflow()
    {
        var token = Assert.Single(Tokenizer.Tokenize("99999999999999"));

        Assert.Equal(int.MaxValue, token.Value);
    }
}
