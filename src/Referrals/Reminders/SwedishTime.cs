using System.Globalization;
using NodaTime;

namespace PresenceBot.Referrals.Reminders;

/// <summary>
/// Times and durations as Swedish messages write them ("10.00–11.30", "1 tim 20 min"). Hand-written, like the
/// talsvar, so a server without ICU still writes Swedish.
/// </summary>
public static class SwedishTime
{
    public static string Clock(Instant instant, DateTimeZone zone)
    {
        var local = instant.InZone(zone).LocalDateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{local.Hour:D2}.{local.Minute:D2}");
    }

    /// <summary>"10.00–11.30", with the date first when it isn't <paramref name="today"/> ("tis 24/11 10.00–11.30").</summary>
    public static string Span(Interval interval, DateTimeZone zone, LocalDate today)
    {
        var date = interval.Start.InZone(zone).Date;
        var clock = $"{Clock(interval.Start, zone)}–{Clock(interval.End, zone)}";
        return date == today ? clock : $"{Day(date, today)} {clock}";
    }

    /// <summary>"i dag", "i morgon", "i går" or "tisdag 24/11".</summary>
    public static string Day(LocalDate date, LocalDate today)
    {
        var days = Period.DaysBetween(today, date);
        return days switch
        {
            0 => "i dag",
            1 => "i morgon",
            -1 => "i går",
            _ => string.Create(CultureInfo.InvariantCulture, $"{Weekday(date.DayOfWeek)} {date.Day}/{date.Month}"),
        };
    }

    /// <summary>"25 min", "2 tim", "1 tim 20 min": how long a message has waited.</summary>
    public static string Age(Duration age)
    {
        var minutes = Math.Max(0, (long)age.TotalMinutes);
        var (hours, rest) = (minutes / 60, minutes % 60);
        return (hours, rest) switch
        {
            (0, _) => string.Create(CultureInfo.InvariantCulture, $"{rest} min"),
            (_, 0) => string.Create(CultureInfo.InvariantCulture, $"{hours} tim"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{hours} tim {rest} min"),
        };
    }

    /// <summary>"1 minut", "25 minuter", "1 timme", "2 timmar", "1 timme och 20 minuter": an age in running text.</summary>
    public static string AgeInWords(Duration age)
    {
        var minutes = Math.Max(0, (long)age.TotalMinutes);
        var (hours, rest) = (minutes / 60, minutes % 60);
        var hourWords = string.Create(CultureInfo.InvariantCulture, $"{hours} {(hours == 1 ? "timme" : "timmar")}");
        var minuteWords = string.Create(CultureInfo.InvariantCulture, $"{rest} {(rest == 1 ? "minut" : "minuter")}");
        return (hours, rest) switch
        {
            (0, _) => minuteWords,
            (_, 0) => hourWords,
            _ => $"{hourWords} och {minuteWords}",
        };
    }

    private static string Weekday(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => "måndag",
        IsoDayOfWeek.Tuesday => "tisdag",
        IsoDayOfWeek.Wednesday => "onsdag",
        IsoDayOfWeek.Thursday => "torsdag",
        IsoDayOfWeek.Friday => "fredag",
        IsoDayOfWeek.Saturday => "lördag",
        _ => "söndag",
    };
}
