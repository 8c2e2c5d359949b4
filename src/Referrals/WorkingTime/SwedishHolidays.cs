using System.Collections.Concurrent;
using System.Collections.Frozen;
using NodaTime;

namespace PresenceBot.Referrals.WorkingTime;

/// <summary>
/// The days a Swedish workplace is closed by default, with their Swedish names, following the rules in force since
/// 2005 (lag 1989:253 om allmänna helgdagar, with nationaldagen replacing annandag pingst).
/// </summary>
public static class SwedishHolidays
{
    /// <summary>The Gregorian computus used for Easter is only meaningful from the first full Gregorian year.</summary>
    public const int FirstSupportedYear = 1583;

    /// <summary>The last year <see cref="LocalDate"/> can represent.</summary>
    public const int LastSupportedYear = 9999;

    // Looked up for every date on hot paths (referral evaluation, return-time normalisation); a year is computed once.
    private static readonly ConcurrentDictionary<int, IReadOnlyDictionary<LocalDate, string>> Cache = new();

    /// <summary>Non-working days of <paramref name="year"/> mapped to their Swedish names.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="FirstSupportedYear"/>..<see cref="LastSupportedYear"/>.</exception>
    public static IReadOnlyDictionary<LocalDate, string> For(int year)
    {
        if (year is < FirstSupportedYear or > LastSupportedYear)
        {
            throw new ArgumentOutOfRangeException(
                nameof(year), year, $"Swedish holidays are computed for {FirstSupportedYear}..{LastSupportedYear} only.");
        }

        return Cache.GetOrAdd(year, Compute);
    }

    /// <summary>Easter Sunday of <paramref name="year"/> by the anonymous Gregorian computus (Meeus/Jones/Butcher).</summary>
    public static LocalDate EasterSunday(int year)
    {
        if (year is < FirstSupportedYear or > LastSupportedYear)
        {
            throw new ArgumentOutOfRangeException(
                nameof(year), year, $"Easter is computed for {FirstSupportedYear}..{LastSupportedYear} only.");
        }

        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }

    private static IReadOnlyDictionary<LocalDate, string> Compute(int year)
    {
        var easter = EasterSunday(year);
        var days = new Dictionary<LocalDate, string>();

        void Add(LocalDate date, string name) =>
            // Moveable feasts can coincide with fixed ones (Kristi himmelsfärdsdag fell on första maj in 2008);
            // keep both names rather than throwing or silently dropping one.
            days[date] = days.TryGetValue(date, out var existing) ? $"{existing} och {name}" : name;

        Add(new LocalDate(year, 1, 1), "nyårsdagen");
        Add(new LocalDate(year, 1, 6), "trettondedag jul");
        Add(easter.PlusDays(-2), "långfredag");

        // Påskafton, midsommarafton, julafton and nyårsafton are not allmänna helgdagar in law, but collective
        // agreements and practice make them non-working, so a referral must not promise a return on them.
        Add(easter.PlusDays(-1), "påskafton");
        Add(easter, "påskdagen");
        Add(easter.PlusDays(1), "annandag påsk");
        Add(new LocalDate(year, 5, 1), "första maj");
        Add(easter.PlusDays(39), "Kristi himmelsfärdsdag");
        Add(easter.PlusDays(49), "pingstdagen");
        Add(new LocalDate(year, 6, 6), "nationaldagen");
        Add(FirstOnOrAfter(new LocalDate(year, 6, 19), IsoDayOfWeek.Friday), "midsommarafton");
        Add(FirstOnOrAfter(new LocalDate(year, 6, 20), IsoDayOfWeek.Saturday), "midsommardagen");
        Add(FirstOnOrAfter(new LocalDate(year, 10, 31), IsoDayOfWeek.Saturday), "alla helgons dag");
        Add(new LocalDate(year, 12, 24), "julafton");
        Add(new LocalDate(year, 12, 25), "juldagen");
        Add(new LocalDate(year, 12, 26), "annandag jul");
        Add(new LocalDate(year, 12, 31), "nyårsafton");

        return days.ToFrozenDictionary();
    }

    private static LocalDate FirstOnOrAfter(LocalDate date, IsoDayOfWeek dayOfWeek) =>
        date.DayOfWeek == dayOfWeek ? date : date.Next(dayOfWeek);
}
