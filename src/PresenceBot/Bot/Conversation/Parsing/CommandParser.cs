using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>
/// Reads one chat message into a <see cref="ParsedCommand"/>. The grammar, over tokens:
/// <code>
/// message  := mention? "/"? command
/// command  := reason time? separator? note?      "/möte till 15 – budget"
///           | reason note time                   "/tjänsteärende till banken till 15"
///           | "tillbaka" "nu"? | "status" | "hjälp" | "röstbrevlåda"
///           | "koppling" ("stängd" | "öppen" | "av")?
///           | "vidarekoppla" ("av" | "till"? colleague time?) | "enhet"
/// </code>
/// Case, the slash and å/ä/ö against a/a/o do not matter; the note is kept exactly as written.
/// Pure: the same text, instant, zone and calendar always give the same command.
/// </summary>
public static class CommandParser
{
    public static ParsedCommand Parse(string text, TimeContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);

        var message = MentionStripper.Strip(text);
        var cursor = new TokenCursor(Tokenizer.Tokenize(message));
        if (cursor.Peek() is { Kind: TokenKind.Symbol, Text: "/" })
        {
            cursor.Position++;
        }

        if (cursor.AtEnd || cursor.Peek() is { Kind: TokenKind.Symbol, Text: "?" })
        {
            return new HelpCommand();
        }

        if (CommandVocabulary.Match(cursor) is not { } command)
        {
            return Unknown(message, cursor);
        }

        return command.Kind switch
        {
            CommandKind.SetReferral => Referral(command.Reason!.Value, message, cursor, context),
            CommandKind.Return => Return(message, cursor),
            CommandKind.Status => new StatusCommand(),
            CommandKind.Coupling => Coupling(message, cursor),
            CommandKind.Help => new HelpCommand(),
            CommandKind.Voicemail => new VoicemailCommand(),
            CommandKind.Forward => Forward(message, cursor, context),
            CommandKind.Unit => cursor.AtEndIgnoringSeparators ? new UnitCommand() : new UnknownCommand(message, ["/enhet"]),
            _ => throw new InvalidOperationException($"Unhandled command kind {command.Kind}."),
        };
    }

    private static SetReferralCommand Referral(Reason reason, string message, TokenCursor cursor, TimeContext context)
    {
        var argumentsStart = cursor.Position;
        cursor.SkipSeparators();
        var timeStart = cursor.Position;

        // 1. A time right after the command: "/möte till 15 budget".
        var syntax = TimeGrammar.Parse(cursor, out var committed);
        if (syntax is not null)
        {
            return new SetReferralCommand(reason, TimeExpressionParser.Resolve(syntax, context, reason), NoteFrom(message, cursor));
        }

        // 2. A note, then a time ending the line: "/tjänsteärende till banken till 15". Only a time starting with a
        // word counts here, so a number inside a note ("/möte om budget 2026") is never taken for a clock.
        for (var start = timeStart + 1; start < cursor.Tokens.Count; start++)
        {
            cursor.Position = start;
            if (cursor.Tokens[start].Kind == TokenKind.Word
                && TimeGrammar.Parse(cursor, out _) is { } trailing
                && cursor.AtEndIgnoringSeparators)
            {
                var note = Trim(message[cursor.Tokens[timeStart].Start..cursor.Tokens[start].Start]);
                return new SetReferralCommand(reason, TimeExpressionParser.Resolve(trailing, context, reason), note);
            }
        }

        cursor.Position = timeStart;
        if (committed)
        {
            var words = cursor.AtEnd ? "" : message[cursor.Tokens[timeStart].Start..].Trim();
            return new SetReferralCommand(reason, new TimeNotUnderstood(ParserMessages.NotUnderstood(words)), null);
        }

        var until = DefaultEnd(reason, context) is { } implied
            ? TimeExpressionParser.Resolve(implied, context, reason)
            : new TimeMissing();
        cursor.Position = argumentsStart;
        return new SetReferralCommand(reason, until, NoteFrom(message, cursor));
    }

    /// <summary>
    /// The end a command implies by itself. "Gått för dagen" says it: back the next working morning. "/distans"
    /// alone means today, while today's working hours last; otherwise nothing is implied and the person is asked.
    /// </summary>
    private static TimeSyntax? DefaultEnd(Reason reason, TimeContext context)
    {
        var today = new DaySyntax(new RelativeDay(0), DayMode.Through);
        if (reason == Reason.GoneForDay)
        {
            return today;
        }

        if (reason == Reason.Remote)
        {
            var date = context.Now.InZone(context.Zone).Date;
            return context.Calendar.IsWorkingDay(date) && context.Now < context.Calendar.EndOfWorkingDay(date) ? today : null;
        }

        return null;
    }

    /// <summary>"/tillbaka" or "/tillbaka nu". "/tillbaka 15:00" would mean away until then, so it is not guessed at.</summary>
    private static ParsedCommand Return(string message, TokenCursor cursor)
    {
        _ = cursor.Accept("nu") || cursor.Accept("now");
        return cursor.AtEndIgnoringSeparators
            ? new ReturnCommand()
            : new UnknownCommand(message, ["/tillbaka", "/frånvarande till 15:00"]);
    }

    private static ParsedCommand Coupling(string message, TokenCursor cursor)
    {
        CalendarCoupling? mode =
            cursor.AtEndIgnoringSeparators ? null
            : cursor.Accept("stangd") || cursor.Accept("stang") || cursor.Accept("closed") ? CalendarCoupling.Closed
            : cursor.Accept("oppen") || cursor.Accept("oppna") || cursor.Accept("open") ? CalendarCoupling.Open
            : cursor.Accept("av") || cursor.Accept("avstangd") || cursor.Accept("off") ? CalendarCoupling.Off
            : null;
        if (!cursor.AtEndIgnoringSeparators)
        {
            return new UnknownCommand(message, ["/koppling stängd", "/koppling öppen", "/koppling av"]);
        }

        return new CouplingCommand(mode);
    }

    /// <summary>
    /// "/vidarekoppla av", or "/vidarekoppla till Ida Berg till 15:00": the colleague is everything up to a time that ends
    /// the line (so a name is never read as a time, and "till" may start both).
    /// </summary>
    private static ParsedCommand Forward(string message, TokenCursor cursor, TimeContext context)
    {
        cursor.SkipSeparators();
        var afterWord = cursor.Position;
        if ((cursor.Accept("av") || cursor.Accept("off")) && cursor.AtEndIgnoringSeparators)
        {
            return new ForwardOffCommand();
        }

        cursor.Position = afterWord;
        _ = cursor.Accept("till") || cursor.Accept("to");
        var nameStart = cursor.Position;
        TimeExpressionResult? until = null;
        var nameEnd = cursor.Tokens.Count;
        for (var start = nameStart + 1; start < cursor.Tokens.Count; start++)
        {
            cursor.Position = start;
            if (cursor.Tokens[start].Kind == TokenKind.Word
                && TimeGrammar.Parse(cursor, out _) is { } time
                && cursor.AtEndIgnoringSeparators)
            {
                until = TimeExpressionParser.Resolve(time, context, Reason.Meeting);
                nameEnd = start;
                break;
            }
        }

        var colleague = nameStart >= nameEnd
            ? null
            : Trim(message[cursor.Tokens[nameStart].Start..(nameEnd < cursor.Tokens.Count ? cursor.Tokens[nameEnd].Start : message.Length)]);
        return colleague is null
            ? new UnknownCommand(message, ["/vidarekoppla till Ida Berg till 15:00", "/vidarekoppla av"])
            : new ForwardCommand(colleague, until);
    }

    /// <summary>No command word: suggest near misses, or, when the message is just a time, commands to put before it.</summary>
    private static UnknownCommand Unknown(string message, TokenCursor cursor)
    {
        var first = cursor.Peek()!;
        if (TimeGrammar.Parse(cursor, out _) is not null && cursor.AtEndIgnoringSeparators)
        {
            var time = message[first.Start..].Trim();
            return new UnknownCommand(message, [$"/frånvarande {time}", $"/möte {time}"]);
        }

        return new UnknownCommand(message, first.Kind == TokenKind.Word ? CommandSuggester.Suggest(first.Text) : []);
    }

    /// <summary>The rest of the message after the cursor, verbatim, without the separator that introduced it.</summary>
    private static string? NoteFrom(string message, TokenCursor cursor) =>
        cursor.AtEnd ? null : Trim(message[cursor.Tokens[cursor.Position].Start..]);

    private static string? Trim(string note)
    {
        var trimmed = note.Trim().Trim('-', '–', '—', ':', ',', ';').Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }
}
