using NodaTime;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.WorkingTime;
using static PresenceBot.Referrals.Tests.WorkingTime.TestCalendars;

namespace PresenceBot.Referrals.Tests.WorkingTime;

public sealed class WorkingCalendarReturnTests
{
    private readonly WorkingCalendar _calendar = OfficeHours("2026-05-15");

    [Fact]
    public void ReturnAfterAbsenceThrough_AllDayOutOfOfficeOnFriday_ReturnsMondayMorning()
    {
        Assert.Equal(
            WithOffset("2026-11-23T08:00:00+01:00"),
            _calendar.ReturnAfterAbsenceThrough(Date("2026-11-20")));
    }

    [Fact]
    public void ReturnAfterAbsenceThrough_VacationThroughMaundyThursday_ReturnsTuesdayAfterEaster()
    {
        Assert.Equal(
            WithOffset("2026-04-07T08:00:00+02:00"),
            _calendar.ReturnAfterAbsenceThrough(Date("2026-04-02")));
    }

    [Fact]
    public void ReturnAfterAbsenceThrough_AscensionThursdayAndKlamdag_ReturnsMonday()
    {
        Assert.Equal(
            WithOffset("2026-05-18T08:00:00+02:00"),
            _calendar.ReturnAfterAbsenceThrough(Date("2026-05-13")));
    }

    [Fact]
    public void ReturnAfterAbsenceThrough_FridayBeforeSpringForward_ReturnsMondayAtSummerOffset()
    {
        Assert.Equal(
            WithOffset("2026-03-30T08:00:00+02:00"),
            _calendar.ReturnAfterAbsenceThrough(Date("2026-03-27")));
    }

    [Fact]
    public void ReturnAfterAbsenceThrough_FridayBeforeFallBack_ReturnsMondayAtWinterOffset()
    {
        Assert.Equal(
            WithOffset("2026-10-26T08:00:00+01:00"),
            _calendar.ReturnAfterAbsenceThrough(Date("2026-10-23")));
    }

    [Fact]
    public void NormalizeReturn_SaturdayNightBeforeSpringForward_IsMondayMorningAtSummerOffset()
    {
        var normalized = _calendar.NormalizeReturn(Local("2026-03-28T23:30:00"));

        Assert.Equal(WithOffset("2026-03-30T08:00:00+02:00"), normalized);
        Assert.NotEqual(WithOffset("2026-03-30T08:00:00+01:00"), normalized);
    }

    [Fact]
    public void NormalizeReturn_FridayEveningBeforeFallBack_IsMondayMorningAtWinterOffset()
    {
        var normalized = _calendar.NormalizeReturn(Local("2026-10-23T17:30:00"));

        Assert.Equal(WithOffset("2026-10-26T08:00:00+01:00"), normalized);
        Assert.NotEqual(WithOffset("2026-10-26T08:00:00+02:00"), normalized);
    }

    [Fact]
    public void NormalizeReturn_JustAfterSpringForwardGap_IsMondayMorning()
    {
        // 01:00 UTC is the instant the clocks jump from 02:00 to 03:00 local.
        Assert.Equal(
            WithOffset("2026-03-30T08:00:00+02:00"),
            _calendar.NormalizeReturn(Instant.FromUtc(2026, 3, 29, 1, 0)));
    }

    [Theory]
    [InlineData("2026-10-25T02:30:00+02:00")]
    [InlineData("2026-10-25T02:30:00+01:00")]
    public void NormalizeReturn_EitherOccurrenceOfRepeatedFallBackHour_IsMondayMorning(string ambiguous)
    {
        Assert.Equal(WithOffset("2026-10-26T08:00:00+01:00"), _calendar.NormalizeReturn(WithOffset(ambiguous)));
    }

    [Theory]
    [InlineData("2026-11-18T15:00:00")]
    [InlineData("2026-11-18T08:00:00")]
    [InlineData("2026-11-18T16:59:00")]
    [InlineData("2026-03-30T08:00:00")]
    [InlineData("2026-10-26T12:15:00")]
    public void NormalizeReturn_WithinWorkingHours_IsUnchanged(string local)
    {
        Assert.Equal(Local(local), _calendar.NormalizeReturn(Local(local)));
    }

    [Fact]
    public void NormalizeReturn_BeforeStartOnWorkingDay_IsThatDaysStart()
    {
        Assert.Equal(Local("2026-11-18T08:00:00"), _calendar.NormalizeReturn(Local("2026-11-18T07:00:00")));
    }

    [Fact]
    public void NormalizeReturn_ExactlyAtEnd_IsNextWorkingDaysStart()
    {
        Assert.Equal(Local("2026-11-19T08:00:00"), _calendar.NormalizeReturn(Local("2026-11-18T17:00:00")));
    }

    [Fact]
    public void NormalizeReturn_FridayAtEnd_IsMondayMorning()
    {
        Assert.Equal(Local("2026-11-23T08:00:00"), _calendar.NormalizeReturn(Local("2026-11-20T17:00:00")));
    }

    [Fact]
    public void NormalizeReturn_MidnightEndingAllDayEventOnWorkingDay_IsThatMorningsStart()
    {
        // An all-day event on Wednesday ends at Thursday 00:00: the caller is told Thursday 08:00, not midnight.
        Assert.Equal(Local("2026-11-19T08:00:00"), _calendar.NormalizeReturn(Local("2026-11-19T00:00:00")));
    }

    [Fact]
    public void NormalizeReturn_MidnightAtEndOfGoodFriday_IsTuesdayAfterEaster()
    {
        Assert.Equal(
            WithOffset("2026-04-07T08:00:00+02:00"),
            _calendar.NormalizeReturn(Local("2026-04-04T00:00:00")));
    }

    [Fact]
    public void NormalizeReturn_MidnightAtEndOfChristmasEve_IsMondayAfterChristmas()
    {
        Assert.Equal(
            WithOffset("2026-12-28T08:00:00+01:00"),
            _calendar.NormalizeReturn(Local("2026-12-25T00:00:00")));
    }

    [Fact]
    public void NormalizeReturn_DuringHoursOnExtraNonWorkingDay_IsNextWorkingMorning()
    {
        Assert.Equal(Local("2026-05-18T08:00:00"), _calendar.NormalizeReturn(Local("2026-05-15T10:00:00")));
    }

    [Fact]
    public void NormalizeReturn_Result_IsAlwaysWithinWorkingHours()
    {
        var start = Local("2026-03-25T00:00:00");
        for (var i = 0; i < 24 * 4 * 14; i++)
        {
            var candidate = start + Duration.FromMinutes(15 * i);

            Assert.True(_calendar.IsWithinWorkingHours(_calendar.NormalizeReturn(candidate)), $"from {candidate}");
        }
    }

    [Fact]
    public void MondayToThursdayWeek_Friday_IsNotAWorkingDayAndReturnsMoveToMonday()
    {
        var mondayToThursday = new HashSet<IsoDayOfWeek>
        {
            IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday,
        };
        var calendar = new WorkingCalendar(
            new WorkingHours(mondayToThursday, new LocalTime(8, 0), new LocalTime(17, 0)),
            new HashSet<LocalDate>(),
            Stockholm);

        Assert.True(calendar.IsWorkingDay(Date("2026-11-19")));
        Assert.False(calendar.IsWorkingDay(Date("2026-11-20")));
        Assert.Equal(Date("2026-11-23"), calendar.NextWorkingDayAfter(Date("2026-11-19")));
        Assert.Equal(Local("2026-11-23T08:00:00"), calendar.NormalizeReturn(Local("2026-11-19T17:00:00")));
        Assert.Equal(Local("2026-11-23T08:00:00"), calendar.ReturnAfterAbsenceThrough(Date("2026-11-19")));
    }
}
