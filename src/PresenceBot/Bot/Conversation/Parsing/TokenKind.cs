namespace PresenceBot.Bot.Conversation.Parsing;

internal enum TokenKind
{
    /// <summary>Letters, with inner and trailing dots kept in the text ("t.o.m.", "kl.").</summary>
    Word,

    /// <summary>Whole number ("15", "3:e").</summary>
    Number,

    /// <summary>Number with a fraction ("1,5", "1.5").</summary>
    Decimal,

    /// <summary>Hour and two-digit minute ("15:00", "15.30").</summary>
    Clock,

    /// <summary>Day and month, maybe year ("1/12", "1/12/2026", "2026-12-01").</summary>
    Date,

    /// <summary>Punctuation that separates a time from a note ("–", "-", ":", ",", ";", ".").</summary>
    Separator,

    /// <summary>Anything else ("/", "?", an emoji).</summary>
    Symbol,
}
