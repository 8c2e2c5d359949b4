using PresenceBot.CalendarSync.Mapping;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;
using static PresenceBot.CalendarSync.Tests.Mapping.MappingFixtures;

namespace PresenceBot.CalendarSync.Tests.Mapping;

public sealed class ShowAsMappingTests
{
    [Theory]
    [InlineData("busy", Reason.Meeting)]
    [InlineData("oof", Reason.Away)]
    [InlineData("workingElsewhere", Reason.Remote)]
    public void Map_ShowAsThatMakesReferral_RefersWithItsDefaultReason(string showAs, Reason expected)
    {
        var decision = Map(Meeting(showAs));

        Assert.True(decision.IsReferral);
        Assert.Equal(expected, decision.Booking.Reason);
    }

    [Theory]
    [InlineData("free", IgnoreReasons.Free)]
    [InlineData("tentative", IgnoreReasons.Tentative)]
    [InlineData("unknown", IgnoreReasons.UnknownShowAs)]
    [InlineData("somethingGraphAddsLater", IgnoreReasons.UnknownShowAs)]
    public void Map_ShowAsThatMakesNoReferral_IsIgnoredWithItsCode(string showAs, string expected)
    {
        var decision = Map(Meeting(showAs));

        Assert.False(decision.IsReferral);
        Assert.Null(decision.Booking);
        Assert.Equal(expected, decision.IgnoreReason);
    }

    [Fact]
    public void Map_ShowAsInOtherCase_IsStillRecognised()
    {
        Assert.Equal(Reason.Away, Map(Meeting("OOF")).Booking?.Reason);
    }

    [Fact]
    public void Map_TentativeWithOptionOn_RefersAsMeeting()
    {
        var decision = Map(Meeting("tentative"), new MappingRules { TentativeMakesReferral = true });

        Assert.Equal(Reason.Meeting, decision.Booking?.Reason);
    }

    [Fact]
    public void Map_TentativeWithOptionOn_StillTakesItsCategory()
    {
        var decision = Map(Meeting("tentative", "Utbildning"), new MappingRules { TentativeMakesReferral = true });

        Assert.Equal(Reason.Training, decision.Booking?.Reason);
    }

    [Fact]
    public void Map_WorkingElsewhereWithCategory_StaysRemoteSoThePhoneKeepsRinging()
    {
        Assert.Equal(Reason.Remote, Map(Meeting("workingElsewhere", "Utbildning")).Booking?.Reason);
    }

    [Fact]
    public void Map_DeclinedBusyEvent_IsIgnoredAsDeclined()
    {
        var decision = Map(Meeting() with { ResponseStatus = "declined" });

        Assert.Equal(IgnoreReasons.Declined, decision.IgnoreReason);
    }

    [Fact]
    public void Map_CancelledBusyEvent_IsIgnoredAsCancelled()
    {
        var decision = Map(Meeting() with { IsCancelled = true });

        Assert.Equal(IgnoreReasons.Cancelled, decision.IgnoreReason);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("organizer")]
    [InlineData("tentativelyAccepted")]
    [InlineData("accepted")]
    [InlineData("notResponded")]
    public void Map_BusyEventWithAnyResponseButDeclined_Refers(string response)
    {
        Assert.True(Map(Meeting() with { ResponseStatus = response }).IsReferral);
    }

    [Fact]
    public void Map_CouplingOff_IsIgnoredAsCouplingOff()
    {
        var decision = Map(Meeting(), person: Kim(CalendarCoupling.Off));

        Assert.Equal(IgnoreReasons.CouplingOff, decision.IgnoreReason);
    }

    [Theory]
    [InlineData(CalendarCoupling.Closed)]
    [InlineData(CalendarCoupling.Open)]
    public void Map_CouplingClosedOrOpen_Refers(CalendarCoupling coupling)
    {
        // Open versus closed phone is the service's decision from the person; the booking is the same.
        Assert.True(Map(Meeting(), person: Kim(coupling)).IsReferral);
    }

    [Fact]
    public void Map_EventWithoutId_IsIgnoredRatherThanKeyedByNothing()
    {
        Assert.Equal(IgnoreReasons.MissingId, Map(Meeting() with { Id = " " }).IgnoreReason);
    }
}
