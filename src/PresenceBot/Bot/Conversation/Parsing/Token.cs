namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>
/// One lexical unit. <see cref="Start"/> and <see cref="End"/> index the text it came from, so a note can be cut
/// out verbatim. <see cref="Folded"/> is how words are compared: lower case, åäö folded, dots dropped.
/// The numeric fields are filled according to <see cref="Kind"/>.
/// </summary>
internal sealed record Token(TokenKind Kind, string Text, string Folded, int Start, int End)
{
    /// <summary>Number: its value. Clock: the hour. Date: the day.</summary>
    public int Value { get; init; }

    /// <summary>Clock: the minute. Date: the month.</summary>
    public int Second { get; init; }

    /// <summary>Date: the year when written.</summary>
    public int? Year { get; init; }

    /// <summary>Decimal: its value.</summary>
    public decimal Fraction { get; init; }

    /// <summary>Written with a leading zero ("03", "08:00"): a deliberate 24-hour time, never read as afternoon.</summary>
    public bool LeadingZero { get; init; }

    public bool IsWord(string folded) => Kind == TokenKind.Word && Folded == folded;
}
