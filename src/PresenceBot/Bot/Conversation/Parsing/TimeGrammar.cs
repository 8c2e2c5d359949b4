using NodaTime;

namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>
/// The grammar of Swedish time expressions, as recursive descent over tokens (folded words):
/// <code>
/// time     := through | until | wholeDay | duration | week | "kl" clock | bare
/// through  := ("tom" | "till och med" | "t o m" | "through") (week | day clock?)
/// until    := ("fram"? "till" | "tills" | "until") (week | day clock? | clock day?)
/// wholeDay := "resten av dagen" | "hela dagen" | "resten av veckan" | "hela veckan"
/// duration := ("i" | "om" | "in" | "for")? amount unit | "en"? "halvtimme"
/// amount   := number | decimal | count ("och en halv")? | "en"? "halv"
/// week     := ("vecka" | "v" | "week") number year? | "nästa vecka"
/// day      := "på"? ( "idag" | "i dag" | "i morgon" | "i övermorgon" | "nästa"? weekday date?
///                   | "den"? number month year? | "den"? date )
/// clock    := ("kl" | "klockan")? ( 15:00 | 15 | minutes ("över" | "i") "halv"? hour | "halv" hour | hour )
/// bare     := day clock? | clock day?     (a bare number only when nothing follows it)
/// </code>
/// Each rule either consumes its tokens and returns syntax, or returns null and leaves the cursor where it was.
/// </summary>
internal static class TimeGrammar
{
    private const decimal MaxMinutes = 10_000_000m;

    /// <summary>
    /// Parses one expression at the cursor. <paramref name="committed"/> says a time keyword ("till", "t.o.m.",
    /// "kl", "vecka") was seen: a null result is then a time not understood, not the absence of a time.
    /// </summary>
    public static TimeSyntax? Parse(TokenCursor cursor, out bool committed)
    {
        var start = cursor.Position;
        committed = false;

        if (ThroughKeyword(cursor))
        {
            committed = true;
            return Restore(cursor, start, Week(cursor, DayMode.Through) ?? DayWithClock(cursor, DayMode.Through));
        }

        if (UntilKeyword(cursor))
        {
            committed = true;
            return Restore(cursor, start, Week(cursor, DayMode.Until) ?? DayWithClock(cursor, DayMode.Until) ?? ClockWithDay(cursor, loose: true));
        }

        if ((WholeDay(cursor) ?? Duration(cursor) ?? Week(cursor, DayMode.Whole)) is { } simple)
        {
            return simple;
        }

        // "vecka" without a number, or "kl" without a time, can only have been meant as a time.
        if (cursor.Peek() is { Kind: TokenKind.Word, Folded: "vecka" or "kl" or "klockan" })
        {
            committed = true;
            return Restore(cursor, start, ClockWithDay(cursor, loose: true));
        }

        return DayWithClock(cursor, DayMode.Whole) ?? ClockWithDay(cursor, loose: false);
    }

    private static TimeSyntax? Restore(TokenCursor cursor, int start, TimeSyntax? syntax)
    {
        if (syntax is null)
        {
            cursor.Position = start;
        }

        return syntax;
    }

    private static bool ThroughKeyword(TokenCursor c) =>
        c.Accept("tom") || c.Accept("till", "och", "med") || c.Accept("t", "o", "m") || c.Accept("through") || c.Accept("thru");

    private static bool UntilKeyword(TokenCursor c) =>
        c.Accept("fram", "till") || c.Accept("till") || c.Accept("tills") || c.Accept("until");

    private static TimeSyntax? WholeDay(TokenCursor c)
    {
        if (c.Accept("resten", "av", "dagen") || c.Accept("hela", "dagen") || c.Accept("heldag")
            || c.Accept("rest", "of", "the", "day") || c.Accept("all", "day"))
        {
            return new DaySyntax(new RelativeDay(0), DayMode.Through);
        }

        if (c.Accept("resten", "av", "veckan") || c.Accept("hela", "veckan") || c.Accept("rest", "of", "the", "week"))
        {
            return new WeekSyntax(new WeekReference(null, null, 0), DayMode.Through);
        }

        return null;
    }

    private static TimeSyntax? Duration(TokenCursor c)
    {
        var start = c.Position;
        _ = c.Accept("i") || c.Accept("om") || c.Accept("in") || c.Accept("for");

        // "en halvtimme", "halvtimme": the unit carries the count.
        if (Amount(c) is { } amount && c.AcceptWord(SwedishWords.UnitMinutes, out var perUnit))
        {
            // Capped so absurd amounts stay representable; the resolver refuses anything over a year anyway.
            var minutes = Math.Min(amount * perUnit, MaxMinutes);
            return new DurationSyntax(NodaTime.Duration.FromSeconds(Math.Round((double)minutes * 60)));
        }

        c.Position = start;
        _ = c.Accept("i") || c.Accept("om") || c.Accept("in") || c.Accept("for");
        _ = c.Accept("en");
        if (c.AcceptWord(SwedishWords.UnitMinutes, out var single) && single >= 15)
        {
            return new DurationSyntax(NodaTime.Duration.FromMinutes(single));
        }

        c.Position = start;
        return null;
    }

    private static decimal? Amount(TokenCursor c)
    {
        // "en halv timme", "halv timme".
        if (c.Accept("en", "halv") || c.Accept("halv"))
        {
            return 0.5m;
        }

        decimal? whole = null;
        if (c.Accept(TokenKind.Number) is { } number)
        {
            whole = number.Value;
        }
        else if (c.Accept(TokenKind.Decimal) is { } fraction)
        {
            return fraction.Fraction;
        }
        else if (c.AcceptWord(SwedishWords.Counts, out var count))
        {
            whole = count;
        }

        if (whole is null)
        {
            return null;
        }

        return c.Accept("och", "en", "halv") || c.Accept("och", "halv") ? whole + 0.5m : whole;
    }

    private static TimeSyntax? Week(TokenCursor c, DayMode mode)
    {
        var start = c.Position;
        if (c.Accept("nasta", "vecka") || c.Accept("nasta", "veckan") || c.Accept("next", "week"))
        {
            return new WeekSyntax(new WeekReference(null, null, 1), mode);
        }

        if ((c.Accept("vecka") || c.Accept("v") || c.Accept("week")) && c.Accept(TokenKind.Number) is { } number)
        {
            int? year = c.Peek() is { Kind: TokenKind.Number, Value: >= 1000 and <= 9999 } y ? y.Value : null;
            if (year is not null)
            {
                c.Position++;
            }

            return new WeekSyntax(new WeekReference(number.Value, year, 0), mode);
        }

        c.Position = start;
        return null;
    }

    /// <summary>A day, then maybe a clock: "i morgon 10", "fredag 12:00", "måndag kl 8".</summary>
    private static TimeSyntax? DayWithClock(TokenCursor c, DayMode mode)
    {
        if (Day(c) is not { } day)
        {
            return null;
        }

        return Clock(c, loose: true) is { } clock ? new ClockSyntax(day, clock) : new DaySyntax(day, mode);
    }

    /// <summary>A clock, then maybe a day: "15:00", "10 i morgon", "halv fyra på fredag".</summary>
    private static ClockSyntax? ClockWithDay(TokenCursor c, bool loose)
    {
        if (Clock(c, loose) is not { } clock)
        {
            return null;
        }

        return new ClockSyntax(Day(c), clock);
    }

    private static DayReference? Day(TokenCursor c)
    {
        var start = c.Position;
        _ = c.Accept("pa") || c.Accept("on");

        if (c.Accept("idag") || c.Accept("i", "dag") || c.Accept("today"))
        {
            return new RelativeDay(0);
        }

        if (c.Accept("imorgon") || c.Accept("i", "morgon") || c.Accept("imorron") || c.Accept("i", "morron") || c.Accept("tomorrow"))
        {
            return new RelativeDay(1);
        }

        if (c.Accept("overmorgon") || c.Accept("i", "overmorgon"))
        {
            return new RelativeDay(2);
        }

        var next = c.Accept("nasta") || c.Accept("next");
        if (c.AcceptWord(SwedishWords.Weekdays, out var weekday))
        {
            // "fredag 4/12": the date is the more precise of the two.
            return (DayReference?)Date(c) ?? new WeekdayReference(weekday, next);
        }

        if (!next && Date(c) is { } date)
        {
            return date;
        }

        c.Position = start;
        return null;
    }

    private static DateReference? Date(TokenCursor c)
    {
        var start = c.Position;
        _ = c.Accept("den");
        if (c.Accept(TokenKind.Date) is { } written)
        {
            return new DateReference(written.Value, written.Second, written.Year);
        }

        if (c.Accept(TokenKind.Number) is { } day && c.AcceptWord(SwedishWords.Months, out var month))
        {
            int? year = c.Peek() is { Kind: TokenKind.Number, Value: >= 1000 and <= 9999 } y ? y.Value : null;
            if (year is not null)
            {
                c.Position++;
            }

            return new DateReference(day.Value, month, year);
        }

        c.Position = start;
        return null;
    }

    /// <summary>
    /// A clock reading. <paramref name="loose"/> (after "till", "kl" or a day) also takes a bare hour ("till 15",
    /// "till tre"); otherwise a bare number counts only when nothing follows, so "/möte 3 punkter" stays a note.
    /// </summary>
    private static ClockReading? Clock(TokenCursor c, bool loose)
    {
        var start = c.Position;
        if (c.Accept("kl") || c.Accept("klockan") || c.Accept("at"))
        {
            loose = true;
        }

        if (c.Accept(TokenKind.Clock) is { } written)
        {
            return new ClockReading(written.Value, written.Second, IsTwelveHour(written));
        }

        if (WordClock(c) is { } spoken)
        {
            return spoken;
        }

        if (c.Peek() is { Kind: TokenKind.Number } number && (loose || c.Peek(1) is null or { Kind: TokenKind.Separator }))
        {
            c.Position++;
            return new ClockReading(number.Value, 0, IsTwelveHour(number));
        }

        if (loose && c.AcceptWord(SwedishWords.Hours, out var hour))
        {
            return new ClockReading(hour, 0, TwelveHour: true);
        }

        c.Position = start;
        return null;
    }

    /// <summary>"kvart över tre", "tio i fyra", "fem i halv fyra", "halv fyra".</summary>
    private static ClockReading? WordClock(TokenCursor c)
    {
        var start = c.Position;
        int? offset = null;
        if (MinuteWord(c) is { } minutes)
        {
            if (c.Accept("over"))
            {
                offset = minutes;
            }
            else if (c.Accept("i"))
            {
                offset = -minutes;
            }
            else
            {
                c.Position = start;
                return null;
            }
        }

        var half = c.Accept("halv");
        if (offset is null && !half)
        {
            return null;
        }

        if (Hour(c) is not { } hour)
        {
            c.Position = start;
            return null;
        }

        // On a clock face "halv fyra" is half an hour before four; minutes are then counted from that half hour.
        var total = ((hour % 12) * 60) + (half ? -30 : 0) + (offset ?? 0);
        total = ((total % 720) + 720) % 720;
        return new ClockReading(total / 60 == 0 ? 12 : total / 60, total % 60, TwelveHour: true);
    }

    private static int? MinuteWord(TokenCursor c)
    {
        if (c.AcceptWord(SwedishWords.ClockMinutes, out var word))
        {
            return word;
        }

        if (c.Peek() is { Kind: TokenKind.Number, Value: >= 1 and <= 29 } number)
        {
            c.Position++;
            return number.Value;
        }

        return null;
    }

    private static int? Hour(TokenCursor c)
    {
        if (c.AcceptWord(SwedishWords.Hours, out var word))
        {
            return word;
        }

        if (c.Peek() is { Kind: TokenKind.Number, Value: >= 1 and <= 12 } number)
        {
            c.Position++;
            return number.Value;
        }

        return null;
    }

    private static bool IsTwelveHour(Token token) => !token.LeadingZero && token.Value is >= 1 and <= 11;
}
