using NodaTime;
using PresenceBot.Referrals.WorkingTime;
using static PresenceBot.Referrals.Tests.WorkingTime.TestCalendars;

namespace PresenceBot.Referrals.Tests.WorkingTime;

public sealed class SwedishHolidaysTests
{
    public static TheoryData<string, string> NonWorkingDays2026 => new()
    {
        { "2026-01-01", "nyårsdagen" },
        { "2026-01-06", "trettondedag jul" },
        { "2026-04-03", "långfredag" },
        { "2026-04-04", "påskafton" },
        { "2026-04-05", "påskdagen" },
        { "2026-04-06", "annandag påsk" },
        { "2026-05-01", "första maj" },
        { "2026-05-14", "Kristi himmelsfärdsdag" },
        { "2026-05-24", "pingstdagen" },
        { "2026-06-06", "nationaldagen" },
        { "2026-06-19", "midsommarafton" },
        { "2026-06-20", "midsommardagen" },
        { "2026-10-31", "alla helgons dag" },
        { "2026-12-24", "julafton" },
        { "2026-12-25", "juldagen" },
        { "2026-12-26", "annandag jul" },
        { "2026-12-31", "nyårsafton" },
    };

    public static TheoryData<string, string> NonWorkingDays2027 => new()
    {
        { "2027-01-01", "nyårsdagen" },
        { "2027-01-06", "trettondedag jul" },
        { "2027-03-26", "långfredag" },
        { "2027-03-27", "påskafton" },
        { "2027-03-28", "påskdagen" },
        { "2027-03-29", "annandag påsk" },
        { "2027-05-01", "första maj" },
        { "2027-05-06", "Kristi himmelsfärdsdag" },
        { "2027-05-16", "pingstdagen" },
        { "2027-06-06", "nationaldagen" },
        { "2027-06-25", "midsommarafton" },
        { "2027-06-26", "midsommardagen" },
        { "2027-11-06", "alla helgons dag" },
        { "2027-12-24", "julafton" },
        { "2027-12-25", "juldagen" },
        { "2027-12-26", "annandag jul" },
        { "2027-12-31", "nyårsafton" },
    };

    [Theory]
    [MemberData(nameof(NonWorkingDays2026))]
    [MemberData(nameof(NonWorkingDays2027))]
    public void For_ListedDay_IsNonWorkingWithItsSwedishName(string date, string name)
    {
        var day = Date(date);

        Assert.Equal(name, SwedishHolidays.For(day.Year)[day]);
    }

    [Fact]
    public void For_2026_ContainsExactlyTheListedDays()
    {
        var expected = NonWorkingDays2026.Select(row => Date((string)row[0])).Order();

        Assert.Equal(expected, SwedishHolidays.For(2026).Keys.Order());
    }

    [Fact]
    public void For_2027_ContainsExactlyTheListedDays()
    {
        var expected = NonWorkingDays2027.Select(row => Date((string)row[0])).Order();

        Assert.Equal(expected, SwedishHolidays.For(2027).Keys.Order());
    }

    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void EasterSunday_KnownYear_MatchesGregorianEaster(int year, string easter)
    {
        Assert.Equal(Date(easter), SwedishHolidays.EasterSunday(year));
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2030)]
    [InlineData(2038)]
    public void For_AnyYear_MidsommarAndAllaHelgonFallOnTheirWeekdaysInTheirWindows(int year)
    {
        var holidays = SwedishHolidays.For(year);

        var eve = Assert.Single(holidays, h => h.Value == "midsommarafton").Key;
        var day = Assert.Single(holidays, h => h.Value == "midsommardagen").Key;
        var allSaints = Assert.Single(holidays, h => h.Value == "alla helgons dag").Key;
        Assert.Equal(IsoDayOfWeek.Friday, eve.DayOfWeek);
        Assert.InRange(eve, new LocalDate(year, 6, 19), new LocalDate(year, 6, 25));
        Assert.Equal(eve.PlusDays(1), day);
        Assert.Equal(IsoDayOfWeek.Saturday, allSaints.DayOfWeek);
        Assert.InRange(allSaints, new LocalDate(year, 10, 31), new LocalDate(year, 11, 6));
    }

    [Fact]
    public void For_2008_AscensionOnFirstOfMay_KeepsBothNames()
    {
        Assert.Equal("första maj och Kristi himmelsfärdsdag", SwedishHolidays.For(2008)[new LocalDate(2008, 5, 1)]);
    }

    [Fact]
    public void For_SameYearTwice_ReturnsTheCachedInstance()
    {
        Assert.Same(SwedishHolidays.For(2031), SwedishHolidays.For(2031));
    }

    [Fact]
    public void For_YearBeforeGregorianComputus_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SwedishHolidays.For(1582));
    }
}
