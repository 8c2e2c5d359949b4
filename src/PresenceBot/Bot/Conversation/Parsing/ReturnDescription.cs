using System.Globalization;
using NodaTime;

namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>
/// Swedish phrases for a return time as the writer sees it in the confirmation: "till klockan 15.30",
/// "till i morgon klockan 08.00", "till måndag klockan 08.00", "till den 1 december klockan 08.00".
/// Relative to the writer's today, like the talsvar, so the two read alike.
/// </summary>
internal static class ReturnDescription
{
    public static string Describe(Instant until, Instant? from, Instant now, DateTimeZone zone)
    {
        var today = now.InZone(zone).Date;
        var back = until.InZone(zone).LocalDateTime;
        var untilText = $"till {Moment(back, today)}";
        return from is { } start ? $"från och med {Day(start.InZone(zone).Date, today)} {untilText}" : untilText;
    }

    /// <summary>"klockan 15.30" today, otherwise the day first: "i morgon klockan 08.00".</summary>
    public static string Moment(LocalDateTime when, LocalDate today)
    {
        var clock = string.Create(CultureInfo.InvariantCulture, $"klockan {when.Hour:D2}.{when.Minute:D2}");
        return when.Date == today ? clock : $"{Day(when.Date, today)} {clock}";
    }

    /// <summary>"i dag", "i morgon", a weekday within the week ahead, else "den 1 december" (with the year if not this one).</summary>
    public static string Day(LocalDate date, LocalDate today)
    {
        var daysAhead = Period.DaysBetween(today, date);
        return daysAhead switch
        {
            0 => "i dag",
            1 => "i morgon",
            >= 2 and <= 6 => SwedishWords.WeekdayNames[(int)date.DayOfWeek],
            _ when date.Year == today.Year => string.Create(CultureInfo.InvariantCulture, $"den {date.Day} {SwedishWords.MonthNames[date.Month]}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"den {date.Day} {SwedishWords.MonthNames[date.Month]} {date.Year}"),
        };
    }
}
