using NodaTime;
using PresenceBot.Publishing;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Timeline;

namespace PresenceBot.Tests.Publishing;

public sealed class PublishWorkTests
{
    private static readonly DateTimeZone Stockholm = DateTimeZoneProviders.Tzdb["Europe/Stockholm"];
    private static readonly Instant Nine = Instant.FromUtc(2026, 11, 23, 8, 0);

    [Fact]
    public void NextChange_Available_IsWhenTheNextReferralStarts() =>
        Assert.Equal(Nine + Duration.FromHours(1), PublishWork.NextChange([Available(0, 1), Referred(1, 2), Available(2, 336)], Nine, Stockholm));

    [Fact]
    public void NextChange_AvailableToTheHorizon_IsNothing() =>
        Assert.Null(PublishWork.NextChange([Available(0, 336)], Nine, Stockholm));

    [Fact]
    public void NextChange_ReferredUntilToday_IsTheReturn() =>
        Assert.Equal(Nine + Duration.FromHours(6), PublishWork.NextChange([Referred(0, 6), Available(6, 336)], Nine, Stockholm));

    [Fact]
    public void NextChange_ReferredOverNight_IsMidnightWhenTheTalsvarChangesItsWords() =>
        Assert.Equal(Instant.FromUtc(2026, 11, 23, 23, 0), PublishWork.NextChange([Referred(0, 48), Available(48, 336)], Nine, Stockholm));

    private static TimelineSegment Available(int fromHours, int toHours) => TimelineSegment.Available(Nine + Duration.FromHours(fromHours), Nine + Duration.FromHours(toHours));

    private static TimelineSegment Referred(int fromHours, int toHours)
    {
        var from = Nine + Duration.FromHours(fromHours);
        var to = Nine + Duration.FromHours(toHours);
        var referral = new Referral(Guid.NewGuid(), "kim", Reason.Meeting, from, to, PhoneState.Closed, ReferralSource.Manual);
        return new TimelineSegment(from, to, referral, from, to);
    }
}
