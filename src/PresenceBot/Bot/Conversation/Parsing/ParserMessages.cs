using System.Globalization;

namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>
/// Every Swedish answer the parser gives. Each failure ends with examples, because the person's next message
/// should be one that works.
/// </summary>
internal static class ParserMessages
{
    public const string Examples = "Skriv till exempel: /möte till 15:00, /lunch i 45 min, /semester t.o.m. fredag.";

    public const string Missing = "Hur länge gäller det? " + Examples;

    public const string ImpossibleDuration = "Tiden måste vara längre än noll minuter och högst ett år. " + Examples;

    public static string NotUnderstood(string words) =>
        words.Length == 0 ? $"Jag förstod inte tiden. {Examples}" : $"Jag förstod inte tiden \"{words}\". {Examples}";

    /// <summary>"Klockan 15.00 har redan passerat." / "Den 1 december har redan passerat."</summary>
    public static string Past(string when) =>
        $"{char.ToUpperInvariant(when[0])}{when[1..]} har redan passerat. Ange en tid som ligger framåt. {Examples}";

    public static string PastWeek(int week) =>
        string.Create(CultureInfo.InvariantCulture, $"Vecka {week} har redan passerat. Ange en tid som ligger framåt. {Examples}");

    public const string WorkdayOver = "Arbetsdagen är redan slut i dag. " + Examples;

    public static string ImpossibleClock(int hour, int minute) =>
        string.Create(CultureInfo.InvariantCulture, $"Klockan {hour:D2}.{minute:D2} finns inte. {Examples}");

    public static string ImpossibleDate(int day, int month, int? year) =>
        string.Create(CultureInfo.InvariantCulture, $"Datumet {day}/{month}{(year is { } y ? $" {y}" : "")} finns inte. {Examples}");

    public static string ImpossibleWeek(int week, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"Vecka {week} finns inte år {year}. {Examples}");

    public static string UnknownCommand(string text, IReadOnlyList<string> suggestions) => suggestions.Count switch
    {
        0 => $"Jag känner inte igen \"{text}\". Skriv /hjälp för att se vad jag kan, till exempel /möte till 15:00, /lunch i 45 min eller /tillbaka.",
        _ => $"Jag känner inte igen \"{text}\". Menade du {string.Join(" eller ", suggestions)}? Skriv /hjälp för att se alla kommandon.",
    };
}
