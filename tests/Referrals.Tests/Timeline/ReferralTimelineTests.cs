using NodaTime;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Timeline;
using static PresenceBot.Referrals.Tests.WorkingTime.TestCalendars;

namespace PresenceBot.Referrals.Tests.Timeline;

/// <summary>
/// The pure timeline: merging back-to-back absences (rule 3), manual over calendar and "tillbaka" (rule 7).
/// Anchored on Wednesday 2026-11-25 in Stockholm unless a test is about DST.
/// </summary>
public sealed class ReferralTimelineTests
{
    private static readonly Duration MergeGap = Duration.FromMinutes(15);

    [Fact]
    public void At_BackToBackMeetingsWithLunchGap_ReturnsAtEndOfLast()
    {
        var referrals = MeetingsAndLunch();

        var segment = ReferralTimeline.At(referrals, null, MergeGap, Local("2026-11-25T09:30:00"));

        Assert.NotNull(segment);
        Assert.Equal(Reason.Meeting, segment.Referral!.Reason);
        Assert.Equal(Local("2026-11-25T09:00:00"), segment.AbsentFrom);
        Assert.Equal(Local("2026-11-25T12:30:00"), segment.ReturnsAt);
    }

    [Theory]
    [InlineData("2026-11-25T10:05:00", Reason.Meeting)]
    [InlineData("2026-11-25T11:35:00", Reason.Meeting)]
    [InlineData("2026-11-25T11:45:00", Reason.Lunch)]
    public void At_InsideAGapOfTheMergedChain_IsFilledWithTheEarlierReasonAndFinalReturn(string localInstant, Reason expected)
    {
        var segment = ReferralTimeline.At(MeetingsAndLunch(), null, MergeGap, Local(localInstant));

        Assert.NotNull(segment);
        Assert.Equal(expected, segment.Referral!.Reason);
        Assert.Equal(Local("2026-11-25T12:30:00"), segment.ReturnsAt);
    }

    [Fact]
    public void Compute_BackToBackMeetingsWithLunchGap_CoversTheWholeAbsenceWithoutHoles()
    {
        var segments = ReferralTimeline.Compute(
            MeetingsAndLunch(), null, MergeGap, new Interval(Local("2026-11-25T08:00:00"), Local("2026-11-25T17:00:00")));

        Assert.Collection(
            segments,
            s => AssertSegment(s, "08:00", "09:00", null, "09:00"),
            s => AssertSegment(s, "09:00", "10:10", Reason.Meeting, "12:30"),
            s => AssertSegment(s, "10:10", "11:40", Reason.Meeting, "12:30"),
            s => AssertSegment(s, "11:40", "12:30", Reason.Lunch, "12:30"),
            s => AssertSegment(s, "12:30", "17:00", null, "17:00"));
    }

    [Fact]
    public void At_GapEqualToMergeGap_Merges()
    {
        var referrals = new[]
        {
            Calendar(Reason.Meeting, "09:00", "10:00"),
            Calendar(Reason.Meeting, "10:15", "11:00"),
        };

        var segment = ReferralTimeline.At(referrals, null, MergeGap, Local("2026-11-25T09:30:00"));

        Assert.Equal(Local("2026-11-25T11:00:00"), segment!.ReturnsAt);
    }

    [Fact]
    public void At_GapLongerThanMergeGap_DoesNotMergeAndLeavesThePersonAvailableInTheGap()
    {
        var referrals = new[]
        {
            Calendar(Reason.Meeting, "09:00", "10:00"),
            Calendar(Reason.Meeting, "10:16", "11:00"),
        };

        var inFirst = ReferralTimeline.At(referrals, null, MergeGap, Local("2026-11-25T09:30:00"));
        var inGap = ReferralTimeline.At(referrals, null, MergeGap, Local("2026-11-25T10:05:00"));

        Assert.Equal(Local("2026-11-25T10:00:00"), inFirst!.ReturnsAt);
        Assert.Null(inGap);
    }

    [Fact]
    public void At_RemoteWorkBeforeAMeetingWithinTheMergeGap_DoesNotMerge()
    {
        var referrals = new[]
        {
            Calendar(Reason.Remote, "08:00", "12:00"),
            Calendar(Reason.Meeting, "12:05", "13:00"),
        };

        var remote = ReferralTimeline.At(referrals, null, MergeGap, Local("2026-11-25T10:00:00"));
        var inGap = ReferralTimeline.At(referrals, null, MergeGap, Local("2026-11-25T12:02:00"));

        Assert.Equal(Reason.Remote, remote!.Referral!.Reason);
        Assert.Equal(Local("2026-11-25T12:00:00"), remote.ReturnsAt);
        Assert.Null(inGap);
    }

    [Fact]
    public void At_MeetingDirectlyBeforeRemoteWork_DoesNotMergeEvenWithoutAGap()
    {
        var referrals = new[]
        {
            Calendar(Reason.Meeting, "08:00", "10:00"),
            Calendar(Reason.Remote, "10:00", "17:00"),
        };

        var meeting = ReferralTimeline.At(referrals, null, MergeGap, Local("2026-11-25T09:00:00"));

        Assert.Equal(Local("2026-11-25T10:00:00"), meeting!.ReturnsAt);
    }

    [Fact]
    public void At_MeetingInsideARemoteDay_ReturnsAtTheMeetingEndAndRemoteResumes()
    {
        var referrals = new[]
        {
            Calendar(Reason.Remote, "08:00", "16:00"),
            Calendar(Reason.Meeting, "10:00", "11:00"),
        };

        var meeting = ReferralTimeline.At(referrals, null, MergeGap, Local("2026-11-25T10:30:00"));
        var after = ReferralTimeline.At(referrals, null, MergeGap, Local("2026-11-25T11:30:00"));

        Assert.Equal(Reason.Meeting, meeting!.Referral!.Reason);
        Assert.Equal(Local("2026-11-25T11:00:00"), meeting.ReturnsAt);
        Assert.Equal(Reason.Remote, after!.Referral!.Reason);
        Assert.Equal(Local("2026-11-25T16:00:00"), after.ReturnsAt);
    }

    [Fact]
    public void At_AdjacentRemoteBookings_MergeWithEachOther()
    {
        var referrals = new[]
        {
            Calendar(Reason.Remote, "08:00", "12:00"),
            Calendar(Reason.Remote, "12:00", "16:00"),
        };

        var segment = ReferralTimeline.At(referrals, null, MergeGap, Local("2026-11-25T09:00:00"));

        Assert.Equal(Local("2026-11-25T16:00:00"), segment!.ReturnsAt);
    }

    [Fact]
    public void Compute_ManualLunchInsideCalendarTraining_LunchWinsForItsPeriodAndTrainingResumes()
    {
        var referrals = new[]
        {
            Calendar(Reason.Training, "08:00", "16:00"),
            Manual(Reason.Lunch, "12:00", "13:00"),
        };

        var segments = ReferralTimeline.Compute(
            referrals, null, MergeGap, new Interval(Local("2026-11-25T08:00:00"), Local("2026-11-25T16:00:00")));

        Assert.Collection(
            segments,
            s => AssertSegment(s, "08:00", "12:00", Reason.Training, "16:00"),
            s => AssertSegment(s, "12:00", "13:00", Reason.Lunch, "16:00"),
            s => AssertSegment(s, "13:00", "16:00", Reason.Training, "16:00"));
    }

    [Fact]
    public void At_CalendarMeetingInsideManualAway_ManualWinsEvenThoughTheMeetingStartedLater()
    {
        var referrals = new[]
        {
            Manual(Reason.Away, "08:00", "15:00"),
            Calendar(Reason.Meeting, "10:00", "11:00"),
        };

        var segment = ReferralTimeline.At(referrals, null, MergeGap, Local("2026-11-25T10:30:00"));

        Assert.Equal(Reason.Away, segment!.Referral!.Reason);
        Assert.Equal(Local("2026-11-25T15:00:00"), segment.ReturnsAt);
    }

    [Fact]
    public void At_MeetingInsideAllDayCalendarTraining_TheMoreSpecificMeetingWins()
    {
        var referrals = new[]
        {
            Calendar(Reason.Training, "08:00", "16:00"),
            Calendar(Reason.Meeting, "10:00", "11:00"),
        };

        var segment = ReferralTimeline.At(referrals, null, MergeGap, Local("2026-11-25T10:30:00"));

        Assert.Equal(Reason.Meeting, segment!.Referral!.Reason);
        Assert.Equal(Local("2026-11-25T16:00:00"), segment.ReturnsAt);
    }

    [Fact]
    public void At_EndedEarly_IsAvailableAfterTheEndButInForceBefore()
    {
        var ended = Calendar(Reason.Meeting, "09:00", "11:00") with { EndedAt = Local("2026-11-25T09:40:00") };

        Assert.NotNull(ReferralTimeline.At([ended], null, MergeGap, Local("2026-11-25T09:30:00")));
        Assert.Null(ReferralTimeline.At([ended], null, MergeGap, Local("2026-11-25T09:45:00")));
    }

    [Fact]
    public void At_ReturnedInsideAMergedGap_StopsTheGapFill()
    {
        var referrals = new[]
        {
            Calendar(Reason.Meeting, "09:00", "10:00"),
            Calendar(Reason.Meeting, "10:10", "11:00"),
        };
        var lastReturn = Local("2026-11-25T10:05:00");

        var first = ReferralTimeline.At(referrals, lastReturn, MergeGap, Local("2026-11-25T09:30:00"));
        var inGap = ReferralTimeline.At(referrals, lastReturn, MergeGap, Local("2026-11-25T10:07:00"));
        var second = ReferralTimeline.At(referrals, lastReturn, MergeGap, Local("2026-11-25T10:30:00"));

        Assert.Equal(Local("2026-11-25T10:00:00"), first!.ReturnsAt);
        Assert.Null(inGap);
        Assert.Equal(Local("2026-11-25T10:10:00"), second!.AbsentFrom);
        Assert.Equal(Local("2026-11-25T11:00:00"), second.ReturnsAt);
    }

    [Fact]
    public void Compute_NothingReferred_IsOneAvailableSegmentOverTheWindow()
    {
        var window = new Interval(Local("2026-11-25T08:00:00"), Local("2026-11-25T17:00:00"));

        var segment = Assert.Single(ReferralTimeline.Compute([], null, MergeGap, window));

        Assert.False(segment.IsReferred);
        Assert.Equal(window.Start, segment.From);
        Assert.Equal(window.End, segment.To);
    }

    [Fact]
    public void Compute_WindowStartingInsideAMergedAbsence_KeepsTheWholeAbsenceSpan()
    {
        var segments = ReferralTimeline.Compute(
            MeetingsAndLunch(), null, MergeGap, new Interval(Local("2026-11-25T10:30:00"), Local("2026-11-25T12:00:00")));

        Assert.Collection(
            segments,
            s =>
            {
                AssertSegment(s, "10:30", "11:40", Reason.Meeting, "12:30");
                Assert.Equal(Local("2026-11-25T09:00:00"), s.AbsentFrom);
            },
            s => AssertSegment(s, "11:40", "12:00", Reason.Lunch, "12:30"));
    }

    [Fact]
    public void Compute_SpringForwardNight_SegmentsAreAnHourShorterInTheirWallClockSpan()
    {
        // 2026-03-29: clocks go 02:00 → 03:00, so the local day is 23 hours and 01:00–04:00 is two hours.
        var referrals = new[] { Referral(Reason.Leave, ReferralSource.Calendar, "2026-03-29T01:00:00", "2026-03-29T04:00:00") };

        var segments = ReferralTimeline.Compute(
            referrals, null, MergeGap, new Interval(Local("2026-03-29T00:00:00"), Local("2026-03-30T00:00:00")));

        Assert.Equal(
            [Duration.FromHours(1), Duration.FromHours(2), Duration.FromHours(20)],
            segments.Select(s => s.To - s.From));
        Assert.Equal(Duration.FromHours(23), segments[^1].To - segments[0].From);
    }

    [Fact]
    public void Compute_FallBackNight_SegmentsAreAnHourLongerInTheirWallClockSpan()
    {
        // 2026-10-25: clocks go 03:00 → 02:00, so the local day is 25 hours and 01:00–04:00 is four hours.
        var referrals = new[] { Referral(Reason.Leave, ReferralSource.Calendar, "2026-10-25T01:00:00", "2026-10-25T04:00:00") };

        var segments = ReferralTimeline.Compute(
            referrals, null, MergeGap, new Interval(Local("2026-10-25T00:00:00"), Local("2026-10-26T00:00:00")));

        Assert.Equal(
            [Duration.FromHours(1), Duration.FromHours(4), Duration.FromHours(20)],
            segments.Select(s => s.To - s.From));
        Assert.Equal(Duration.FromHours(25), segments[^1].To - segments[0].From);
    }

    [Fact]
    public void Compute_SameInputTwice_GivesTheSameSegments()
    {
        var referrals = MeetingsAndLunch();
        var window = new Interval(Local("2026-11-25T08:00:00"), Local("2026-11-25T17:00:00"));

        Assert.Equal(
            ReferralTimeline.Compute(referrals, null, MergeGap, window),
            ReferralTimeline.Compute(referrals.Reverse(), null, MergeGap, window));
    }

    private static Referral[] MeetingsAndLunch() =>
    [
        Calendar(Reason.Meeting, "09:00", "10:00"),
        Calendar(Reason.Meeting, "10:10", "11:30"),
        Calendar(Reason.Lunch, "11:40", "12:30"),
    ];

    private static Referral Calendar(Reason reason, string from, string to) =>
        Referral(reason, ReferralSource.Calendar, $"2026-11-25T{from}:00", $"2026-11-25T{to}:00");

    private static Referral Manual(Reason reason, string from, string to) =>
        Referral(reason, ReferralSource.Manual, $"2026-11-25T{from}:00", $"2026-11-25T{to}:00");

    private static Referral Referral(Reason reason, ReferralSource source, string localFrom, string localTo) =>
        new(
            Guid.NewGuid(),
            "kim-krona",
            reason,
            Local(localFrom),
            Local(localTo),
            ReasonCatalog.DefaultPhone(reason),
            source,
            externalKey: source == ReferralSource.Calendar ? $"event-{localFrom}" : null);

    private static void AssertSegment(TimelineSegment segment, string from, string to, Reason? reason, string returnsAt)
    {
        Assert.Equal(Local($"2026-11-25T{from}:00"), segment.From);
        Assert.Equal(Local($"2026-11-25T{to}:00"), segment.To);
        Assert.Equal(reason, segment.Referral?.Reason);
        Assert.Equal(Local($"2026-11-25T{returnsAt}:00"), segment.ReturnsAt);
    }
}
