using NodaTime;
using PresenceBot.Referrals.Forwarding;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Timeline;
using static PresenceBot.Referrals.Tests.WorkingTime.TestCalendars;

namespace PresenceBot.Referrals.Tests.Forwarding;

public sealed class ForwardingCheckTests
{
    private static readonly Interval Period = new(Local("2026-11-25T09:00:00"), Local("2026-11-25T15:00:00"));

    [Fact]
    public void Unreachable_BackToBackClosedReferrals_AreOneStretchClippedToThePeriod()
    {
        var timeline = new[]
        {
            Segment("08:00", "10:00", Reason.Meeting, PhoneState.Closed),
            Segment("10:00", "11:00", Reason.Busy, PhoneState.Closed),
            TimelineSegment.Available(Local("2026-11-25T11:00:00"), Local("2026-11-25T13:00:00")),
            Segment("13:00", "14:00", Reason.Meeting, PhoneState.Open),
            Segment("14:00", "16:00", Reason.Vacation, PhoneState.Closed),
        };

        var stretches = ForwardingCheck.Unreachable(timeline, Period);

        Assert.Equal(
            [
                new UnreachableStretch(Local("2026-11-25T09:00:00"), Local("2026-11-25T11:00:00"), ForwardingCheck.Busy),
                new UnreachableStretch(Local("2026-11-25T14:00:00"), Local("2026-11-25T15:00:00"), ForwardingCheck.Away),
            ],
            stretches);
    }

    [Theory]
    [InlineData(Reason.Sick, ForwardingCheck.Away)]
    [InlineData(Reason.Leave, ForwardingCheck.Away)]
    [InlineData(Reason.Meeting, ForwardingCheck.Busy)]
    [InlineData(Reason.Lunch, ForwardingCheck.Busy)]
    public void WordFor_SaysBusyOrAwayNeverWhy(Reason reason, string word) => Assert.Equal(word, ForwardingCheck.WordFor(reason));

    private static TimelineSegment Segment(string from, string to, Reason reason, PhoneState phone)
    {
        var start = Local($"2026-11-25T{from}:00");
        var end = Local($"2026-11-25T{to}:00");
        var referral = new Referral(Guid.NewGuid(), "ida", reason, start, end, phone, ReferralSource.Manual);
        return new TimelineSegment(start, end, referral, start, end);
    }
}
