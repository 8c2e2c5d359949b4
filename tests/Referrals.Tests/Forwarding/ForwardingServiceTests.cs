using PresenceBot.Referrals.Forwarding;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Tests.Service;
using static PresenceBot.Referrals.Tests.WorkingTime.TestCalendars;

namespace PresenceBot.Referrals.Tests.Forwarding;

/// <summary>Rule 12 in the domain: the colleague's timeline checked for the whole period; "tillbaka" and time end it.</summary>
public sealed class ForwardingServiceTests
{
    // Wednesday 2026-11-25, 09:00.
    private readonly ServiceHarness _h = new("2026-11-25T09:00:00");

    private static PresenceBot.Referrals.Organisation.Person Kim => TestOrganisation.Person(TestOrganisation.Kim);

    private static PresenceBot.Referrals.Organisation.Person Olle => TestOrganisation.Person(TestOrganisation.Olle);

    [Fact]
    public async Task Propose_ColleagueFreeAllPeriod_IsReachableThroughout()
    {
        var proposal = await _h.Forwarding.ProposeAsync(Kim, Olle, Local("2026-11-25T15:00:00"), CancellationToken.None);

        Assert.True(proposal.ReachableThroughout);
        Assert.Equal(Local("2026-11-25T09:00:00"), proposal.Forwarding.From);
        Assert.Equal(Local("2026-11-25T15:00:00"), proposal.Forwarding.Until);
    }

    [Fact]
    public async Task Propose_ColleagueInAMeetingPartOfIt_SaysWhenInAWordThatHidesWhy()
    {
        await _h.SetAsync(Reason.Meeting, "2026-11-25T14:00:00", localFrom: "2026-11-25T13:00:00", phone: PhoneState.Closed, note: "Lönesamtal",
            person: TestOrganisation.Olle);

        var proposal = await _h.Forwarding.ProposeAsync(Kim, Olle, Local("2026-11-25T15:00:00"), CancellationToken.None);

        var stretch = Assert.Single(proposal.Unreachable);
        Assert.Equal("Olle Öppen är upptagen 13.00–14.00",
            ForwardingText.Stretch(Olle, stretch, Local("2026-11-25T09:00:00"), TestOrganisation.Current.TimeZone));
    }

    [Fact]
    public async Task Propose_ColleagueSick_IsAwayNeverSick()
    {
        await _h.SetAsync(Reason.Sick, "2026-11-25T12:00:00", person: TestOrganisation.Olle);

        var proposal = await _h.Forwarding.ProposeAsync(Kim, Olle, Local("2026-11-25T15:00:00"), CancellationToken.None);

        Assert.Equal(ForwardingCheck.Away, Assert.Single(proposal.Unreachable).Word);
    }

    [Fact]
    public async Task Propose_ColleagueRemote_PhoneOpenIsReachable()
    {
        await _h.SetAsync(Reason.Remote, "2026-11-25T16:00:00", person: TestOrganisation.Olle);

        var proposal = await _h.Forwarding.ProposeAsync(Kim, Olle, Local("2026-11-25T15:00:00"), CancellationToken.None);

        Assert.True(proposal.ReachableThroughout);
    }

    [Fact]
    public async Task Propose_ToOneself_IsRefused()
    {
        var refused = await Assert.ThrowsAsync<ReferralRuleException>(() => _h.Forwarding.ProposeAsync(Kim, Kim, null, CancellationToken.None));

        Assert.Equal("forwardTo", refused.Field);
    }

    [Fact]
    public async Task Propose_NoEnd_LastsAsLongAsTheReferralInForce()
    {
        await _h.SetAsync(Reason.Meeting, "2026-11-25T11:30:00");

        var proposal = await _h.Forwarding.ProposeAsync(Kim, Olle, null, CancellationToken.None);

        Assert.Equal(Local("2026-11-25T11:30:00"), proposal.Forwarding.Until);
    }

    [Fact]
    public async Task Set_TalsvarSaysWhereTheCallGoes_UntilItsTimeEnds()
    {
        await _h.SetAsync(Reason.Meeting, "2026-11-25T15:00:00");
        var proposal = await _h.Forwarding.ProposeAsync(Kim, Olle, Local("2026-11-25T11:00:00"), CancellationToken.None);

        await _h.Forwarding.SetAsync(Kim, proposal.Forwarding, ReferralSource.Manual, "kim", CancellationToken.None);

        Assert.Equal("Kim Krona, Lycksele kommun, är på sammanträde och återkommer klockan 15.00 och samtalet kopplas till Olle Öppen.",
            (await _h.StatusAsync()).Talsvar);
        Assert.Equal("Kim Krona, Lycksele kommun, är på sammanträde och återkommer klockan 15.00.", (await _h.StatusAtAsync("2026-11-25T11:00:00")).Talsvar);
    }

    [Fact]
    public async Task Return_EndsTheForwarding()
    {
        await _h.SetAsync(Reason.Meeting, "2026-11-25T15:00:00");
        var proposal = await _h.Forwarding.ProposeAsync(Kim, Olle, null, CancellationToken.None);
        await _h.Forwarding.SetAsync(Kim, proposal.Forwarding, ReferralSource.Manual, "kim", CancellationToken.None);

        await _h.ReturnNowAsync();

        Assert.Null(_h.Store.Current(TestOrganisation.Kim).Forwarding);
        Assert.Null((await _h.StatusAsync()).ForwardedTo);
        Assert.Contains(_h.Store.Audit, a => a.Action == "forwarded");
    }

    [Fact]
    public async Task ForwardingTo_FindsWhoForwardsToTheColleague()
    {
        var proposal = await _h.Forwarding.ProposeAsync(Kim, Olle, Local("2026-11-25T15:00:00"), CancellationToken.None);
        await _h.Forwarding.SetAsync(Kim, proposal.Forwarding, ReferralSource.Manual, "kim", CancellationToken.None);

        var forwarders = await _h.Forwarding.ForwardingToAsync(Olle, CancellationToken.None);

        Assert.Equal(TestOrganisation.Kim, Assert.Single(forwarders).Person.Id);
        Assert.Empty(await _h.Forwarding.ForwardingToAsync(Kim, CancellationToken.None));
    }

    [Fact]
    public async Task ForwardingTo_FindsAForwardingThatBeginsLater_WithItsWholePeriod()
    {
        var proposal = await _h.Forwarding.ProposeAsync(Kim, Olle, Local("2026-11-26T15:00:00"), CancellationToken.None, from: Local("2026-11-26T08:00:00"));
        await _h.Forwarding.SetAsync(Kim, proposal.Forwarding, ReferralSource.Manual, "kim", CancellationToken.None);

        var forwarding = Assert.Single(await _h.Forwarding.ForwardingToAsync(Olle, CancellationToken.None));

        Assert.Equal(TestOrganisation.Kim, forwarding.Person.Id);
        Assert.Equal(Local("2026-11-26T08:00:00"), forwarding.Forwarding.From);
        Assert.Equal(Local("2026-11-26T15:00:00"), forwarding.Forwarding.Until);
        Assert.Null((await _h.StatusAsync()).ForwardedTo);
    }
}
