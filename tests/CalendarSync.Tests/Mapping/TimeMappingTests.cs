using PresenceBot.CalendarSync.Mapping;
using PresenceBot.Referrals.Referrals;
using static PresenceBot.CalendarSync.Tests.Mapping.MappingFixtures;

namespace PresenceBot.CalendarSync.Tests.Mapping;

public sealed class TimeMappingTests
{
    [Fact]
    public void Map_BusyMeeting_CarriesPersonEventIdAndCalendarActor()
    {
        var booking = Map(Meeting()).Booking;

        Assert.NotNull(booking);
        Assert.Equal("kim-object-id", booking.PersonId);
        Assert.Equal("AAMkAGI2-event-1", booking.ExternalKey);
        Assert.Equal(CalendarEventMapper.Actor, booking.Actor);
        Assert.Equal("calendar", booking.Actor);
    }

    [Fact]
    public void Map_WindowsZoneName_IsReadAsCentralEuropeanTime()
    {
        var booking = Map(Meeting()).Booking;

        Assert.Equal(At("2026-11-23T09:00:00+01:00"), booking?.Start);
        Assert.Equal(At("2026-11-23T10:00:00+01:00"), booking?.End);
    }

    [Theory]
    [InlineData("Europe/Stockholm", "2026-11-23T09:00:00+01:00")]
    [InlineData("UTC", "2026-11-23T09:00:00+00:00")]
    [InlineData("Pacific Standard Time", "2026-11-23T09:00:00-08:00")]
    public void Map_IanaOrWindowsZone_ResolvesToTheRightInstant(string zone, string expectedStart)
    {
        var meeting = Meeting() with
        {
            Start = new DateTimeTimeZone("2026-11-23T09:00:00.0000000", zone),
            End = new DateTimeTimeZone("2026-11-23T10:00:00.0000000", zone),
        };

        Assert.Equal(At(expectedStart), Map(meeting).Booking?.Start);
    }

    [Fact]
    public void Map_MeetingOnDstChangeDay_UsesSummerOffset()
    {
        // Clocks went forward at 02:00 on Sunday 2026-03-29; by 10:00 Central Europe is at +02:00.
        var meeting = Meeting() with
        {
            Start = new DateTimeTimeZone("2026-03-29T10:00:00.0000000", WesternEurope),
            End = new DateTimeTimeZone("2026-03-29T11:00:00.0000000", WesternEurope),
        };

        var booking = Map(meeting).Booking;

        Assert.Equal(At("2026-03-29T08:00:00Z"), booking?.Start);
        Assert.Equal(At("2026-03-29T09:00:00Z"), booking?.End);
    }

    [Theory]
    [InlineData("Mars Standard Time")]
    [InlineData("tzone://Microsoft/Custom")]
    [InlineData("")]
    public void Map_UnknownTimeZone_IsIgnoredAsBadTimeZone(string zone)
    {
        var meeting = Meeting() with { End = new DateTimeTimeZone("2026-11-23T10:00:00.0000000", zone) };

        Assert.Equal(IgnoreReasons.BadTimeZone, Map(meeting).IgnoreReason);
    }

    [Fact]
    public void Map_UnparsableDateTime_IsIgnoredAsBadDateTime()
    {
        var meeting = Meeting() with { Start = new DateTimeTimeZone("23/11/2026 09:00", WesternEurope) };

        Assert.Equal(IgnoreReasons.BadDateTime, Map(meeting).IgnoreReason);
    }

    [Theory]
    [InlineData("2026-11-23T10:00:00.0000000")]
    [InlineData("2026-11-23T09:00:00.0000000")]
    public void Map_EndBeforeOrAtStart_IsIgnoredAsInvalidInterval(string end)
    {
        var meeting = Meeting() with
        {
            Start = new DateTimeTimeZone("2026-11-23T10:00:00.0000000", WesternEurope),
            End = new DateTimeTimeZone(end, WesternEurope),
        };

        Assert.Equal(IgnoreReasons.InvalidInterval, Map(meeting).IgnoreReason);
    }

    [Fact]
    public void Map_AllDayEventEndingOnItsStartDay_IsIgnoredAsInvalidInterval()
    {
        Assert.Equal(IgnoreReasons.InvalidInterval, Map(AllDay("oof", "2026-11-20", "2026-11-20")).IgnoreReason);
    }

    [Fact]
    public void Map_AllDayOofOnFriday_StartsAtMidnightAndReturnsMondayMorning()
    {
        var booking = Map(AllDay("oof", "2026-11-20", "2026-11-21")).Booking;

        Assert.Equal(Reason.Away, booking?.Reason);
        Assert.Equal(At("2026-11-20T00:00:00+01:00"), booking?.Start);
        Assert.Equal(At("2026-11-23T08:00:00+01:00"), booking?.End);
    }

    [Fact]
    public void Map_MultiDayVacationThroughMaundyThursday_ReturnsTuesdayAfterEaster()
    {
        // Långfredag, påskafton, påskdagen and annandag påsk are all non-working; the clocks are at +02:00 by then.
        var booking = Map(AllDay("oof", "2026-03-30", "2026-04-03", "Semester")).Booking;

        Assert.Equal(Reason.Vacation, booking?.Reason);
        Assert.Equal(At("2026-03-30T00:00:00+02:00"), booking?.Start);
        Assert.Equal(At("2026-04-07T08:00:00+02:00"), booking?.End);
    }

    [Fact]
    public void Map_AllDayEvent_ReadsItsDatesInTheOrganisationsZoneWhateverZoneGraphNames()
    {
        var inUtc = Map(AllDay("oof", "2026-11-20", "2026-11-21")).Booking;
        var inPacific = Map(AllDay("oof", "2026-11-20", "2026-11-21") with
        {
            Start = new DateTimeTimeZone("2026-11-20T00:00:00.0000000", "Pacific Standard Time"),
            End = new DateTimeTimeZone("2026-11-21T00:00:00.0000000", "Pacific Standard Time"),
        }).Booking;

        Assert.Equal(inUtc, inPacific);
    }

    [Fact]
    public void Map_TimedMultiDayEventEndingAtMidnight_ReturnsNextWorkingMorningNotMidnight()
    {
        var trip = Meeting("busy", "Tjänsteresa") with
        {
            Start = new DateTimeTimeZone("2026-11-18T00:00:00.0000000", WesternEurope),
            End = new DateTimeTimeZone("2026-11-21T00:00:00.0000000", WesternEurope),
        };

        var booking = Map(trip).Booking;

        Assert.Equal(At("2026-11-18T00:00:00+01:00"), booking?.Start);
        Assert.Equal(At("2026-11-23T08:00:00+01:00"), booking?.End);
    }

    [Fact]
    public void Map_TimedEventEndingAfterHours_KeepsItsOwnEndForTheServiceToNormalize()
    {
        var late = Meeting() with { End = new DateTimeTimeZone("2026-11-23T18:30:00.0000000", WesternEurope) };

        Assert.Equal(At("2026-11-23T18:30:00+01:00"), Map(late).Booking?.End);
    }

    [Fact]
    public void Map_EventWhoseReturnTimeHasPassed_IsIgnoredAsEnded()
    {
        var decision = Map(Meeting(), now: At("2026-11-23T10:00:00+01:00"));

        Assert.Equal(IgnoreReasons.Ended, decision.IgnoreReason);
    }

    [Fact]
    public void Map_FridayEveningMeetingSeenOnSaturday_IsNotEndedWhileCallersStillHearMonday()
    {
        var friday = Meeting() with
        {
            Start = new DateTimeTimeZone("2026-11-20T16:00:00.0000000", WesternEurope),
            End = new DateTimeTimeZone("2026-11-20T18:00:00.0000000", WesternEurope),
        };

        Assert.True(Map(friday, now: At("2026-11-21T10:00:00+01:00")).IsReferral);
    }
}
