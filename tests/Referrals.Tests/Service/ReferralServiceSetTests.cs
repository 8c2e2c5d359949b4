using PresenceBot.Referrals.Referrals;
using static PresenceBot.Referrals.Tests.WorkingTime.TestCalendars;

namespace PresenceBot.Referrals.Tests.Service;

/// <summary>Manual referrals through <c>SetAsync</c>: the rules it enforces, its defaults and its idempotency.</summary>
public sealed class ReferralServiceSetTests
{
    // Wednesday 2026-11-25, an ordinary working morning.
    private readonly ServiceHarness _h = new("2026-11-25T10:00:00");

    [Fact]
    public async Task SetAsync_WithoutUntil_IsRefusedOnUntilAndStoresNothing()
    {
        var error = await Assert.ThrowsAsync<ReferralRuleException>(() => _h.SetAsync(Reason.Meeting, localUntil: null));

        Assert.Equal("until", error.Field);
        Assert.Equal(0, _h.Store.SaveAttempts);
    }

    [Fact]
    public async Task SetAsync_UntilInThePast_IsRefusedOnUntilAndStoresNothing()
    {
        var error = await Assert.ThrowsAsync<ReferralRuleException>(() => _h.SetAsync(Reason.Meeting, "2026-11-25T09:59:00"));

        Assert.Equal("until", error.Field);
        Assert.Equal(0, _h.Store.SaveAttempts);
    }

    [Fact]
    public async Task SetAsync_UntilExactlyNow_IsRefusedOnUntil()
    {
        var error = await Assert.ThrowsAsync<ReferralRuleException>(() => _h.SetAsync(Reason.Meeting, "2026-11-25T10:00:00"));

        Assert.Equal("until", error.Field);
        Assert.Equal(0, _h.Store.SaveAttempts);
    }

    [Fact]
    public async Task SetAsync_UntilBeforeFrom_IsRefusedOnUntilAndStoresNothing()
    {
        var error = await Assert.ThrowsAsync<ReferralRuleException>(
            () => _h.SetAsync(Reason.Meeting, "2026-11-25T13:00:00", localFrom: "2026-11-25T14:00:00"));

        Assert.Equal("until", error.Field);
        Assert.Equal(0, _h.Store.SaveAttempts);
    }

    [Fact]
    public async Task SetAsync_NoteLongerThan200Characters_IsRefusedOnNoteAndStoresNothing()
    {
        var error = await Assert.ThrowsAsync<ReferralRuleException>(
            () => _h.SetAsync(Reason.Meeting, "2026-11-25T15:00:00", note: new string('x', 201)));

        Assert.Equal("note", error.Field);
        Assert.Equal(0, _h.Store.SaveAttempts);
    }

    [Fact]
    public async Task SetAsync_NoteOf200Characters_IsAccepted()
    {
        var result = await _h.SetAsync(Reason.Meeting, "2026-11-25T15:00:00", note: new string('x', 200));

        Assert.True(result.Changed);
    }

    [Fact]
    public async Task SetAsync_UnknownPerson_IsRefusedOnPersonAndStoresNothing()
    {
        var error = await Assert.ThrowsAsync<ReferralRuleException>(
            () => _h.SetAsync(Reason.Meeting, "2026-11-25T15:00:00", person: "nobody"));

        Assert.Equal("person", error.Field);
        Assert.Equal(0, _h.Store.SaveAttempts);
    }

    [Fact]
    public async Task SetAsync_CalendarSource_IsRejectedBecauseCalendarGoesThroughUpsert()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => _h.SetAsync(Reason.Meeting, "2026-11-25T15:00:00", source: ReferralSource.Calendar));

        Assert.Equal(0, _h.Store.SaveAttempts);
    }

    [Fact]
    public async Task SetAsync_UntilAfterWorkingHours_ReturnsNextWorkingMorning()
    {
        var result = await _h.SetAsync(Reason.Errand, "2026-11-25T18:00:00");

        Assert.Equal(Local("2026-11-26T08:00:00"), result.Status.Segment!.ReturnsAt);
        Assert.Equal(Local("2026-11-26T08:00:00"), Assert.Single(_h.Store.Current(TestOrganisation.Kim).Referrals).ReturnsAt);
        Assert.Equal(
            "Kim Krona, Lycksele kommun, är på tjänsteärende och återkommer i morgon klockan 08.00.",
            result.Status.Talsvar);
    }

    [Fact]
    public async Task SetAsync_WithoutFrom_StartsNow()
    {
        var result = await _h.SetAsync(Reason.Meeting, "2026-11-25T15:00:00");

        Assert.Equal(Local("2026-11-25T10:00:00"), Assert.Single(_h.Store.Current(TestOrganisation.Kim).Referrals).Start);
        Assert.True(result.Status.IsReferred);
    }

    [Fact]
    public async Task SetAsync_FromInTheFuture_IsNotInForceYet()
    {
        var result = await _h.SetAsync(Reason.Meeting, "2026-11-25T15:00:00", localFrom: "2026-11-25T13:00:00");

        Assert.True(result.Changed);
        Assert.False(result.Status.IsReferred);
        Assert.True((await _h.StatusAtAsync("2026-11-25T13:00:00")).IsReferred);
    }

    [Theory]
    [InlineData(Reason.Remote, PhoneState.Open)]
    [InlineData(Reason.Meeting, PhoneState.Closed)]
    [InlineData(Reason.Vacation, PhoneState.Closed)]
    [InlineData(Reason.Sick, PhoneState.Closed)]
    public async Task SetAsync_WithoutPhone_DefaultsToOpenForRemoteAndClosedOtherwise(Reason reason, PhoneState expected)
    {
        var result = await _h.SetAsync(reason, "2026-11-25T15:00:00");

        Assert.Equal(expected, result.Status.Segment!.Referral!.Phone);
    }

    [Fact]
    public async Task SetAsync_ExplicitPhone_OverridesTheReasonDefault()
    {
        var open = await _h.SetAsync(Reason.Meeting, "2026-11-25T15:00:00", phone: PhoneState.Open);

        Assert.Equal(PhoneState.Open, open.Status.Segment!.Referral!.Phone);
    }

    [Fact]
    public async Task SetAsync_SameCommandTwice_SecondChangesNothingAndWritesOneAuditEntryAndOneEvent()
    {
        var first = await _h.SetAsync(Reason.Meeting, "2026-11-25T15:00:00", note: "Rum 3");
        _h.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await _h.SetAsync(Reason.Meeting, "2026-11-25T15:00:00", note: "Rum 3");

        Assert.True(first.Changed);
        Assert.False(second.Changed);
        Assert.True(second.Status.IsReferred);
        Assert.Single(_h.Store.Audit);
        Assert.Single(_h.Store.Events);
    }

    [Fact]
    public async Task SetAsync_NewReturnTime_EndsThePreviousManualReferralAndKeepsOnlyTheNewInForce()
    {
        await _h.SetAsync(Reason.Meeting, "2026-11-25T15:00:00");
        _h.Time.Advance(TimeSpan.FromMinutes(30));
        var result = await _h.SetAsync(Reason.Meeting, "2026-11-25T16:00:00");

        Assert.True(result.Changed);
        Assert.Equal(Local("2026-11-25T16:00:00"), result.Status.Segment!.ReturnsAt);
        var stored = _h.Store.Current(TestOrganisation.Kim).Referrals;
        Assert.Equal(2, stored.Count);
        Assert.Equal(Local("2026-11-25T10:30:00"), stored[0].EffectiveEnd);
        Assert.Equal(["created", "ended"], _h.Store.Saved[^1].Audit.Select(a => a.Action).Order());
    }

    [Fact]
    public async Task SetAsync_OverAnotherManualReferralThatHasNotBegun_ReplacesIt()
    {
        await _h.SetAsync(Reason.Meeting, "2026-11-25T15:00:00", localFrom: "2026-11-25T13:00:00");
        await _h.SetAsync(Reason.Errand, "2026-11-25T16:00:00", localFrom: "2026-11-25T12:00:00");

        var stored = Assert.Single(_h.Store.Current(TestOrganisation.Kim).Referrals);
        Assert.Equal(Reason.Errand, stored.Reason);
        Assert.Equal(["created", "replaced"], _h.Store.Saved[^1].Audit.Select(a => a.Action).Order());
    }

    [Fact]
    public async Task SetAsync_FridayAfternoonUntilMondayTenAcrossSpringForward_ReturnsAtSummerOffsetAndSaysMonday()
    {
        var h = new ServiceHarness("2026-03-27T15:00:00");

        var result = await h.SetAsync(Reason.BusinessTrip, "2026-03-30T10:00:00");

        Assert.Equal(WithOffset("2026-03-30T10:00:00+02:00"), result.Status.Segment!.ReturnsAt);
        Assert.Equal(
            "Kim Krona, Lycksele kommun, är på tjänsteresa och återkommer på måndag klockan 10.00.",
            result.Status.Talsvar);
    }

    [Fact]
    public async Task SetAsync_FridayAfternoonUntilMondayTenAcrossFallBack_ReturnsAtWinterOffsetAndSaysMonday()
    {
        var h = new ServiceHarness("2026-10-23T15:00:00");

        var result = await h.SetAsync(Reason.BusinessTrip, "2026-10-26T10:00:00");

        Assert.Equal(WithOffset("2026-10-26T10:00:00+01:00"), result.Status.Segment!.ReturnsAt);
        Assert.Equal(
            "Kim Krona, Lycksele kommun, är på tjänsteresa och återkommer på måndag klockan 10.00.",
            result.Status.Talsvar);
    }

    [Fact]
    public async Task StatusAsync_Sick_IsSpokenAsAwayAndDisclosedAsAway()
    {
        await _h.SetAsync(Reason.Sick, "2026-11-25T16:00:00");

        var status = await _h.StatusAsync();

        Assert.Equal(Reason.Away, status.DisclosedReason);
        Assert.Equal("Kim Krona, Lycksele kommun, är frånvarande och återkommer klockan 16.00.", status.Talsvar);
        Assert.DoesNotContain("sjuk", status.Talsvar, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task StatusOfAsync_SeveralPeople_GivesEachTheirOwnStatusAndNeverSpeaksSick()
    {
        await _h.SetAsync(Reason.Sick, "2026-11-25T16:00:00");
        await _h.SetAsync(Reason.Remote, "2026-11-25T16:00:00", person: TestOrganisation.Olle, actor: "olle@lycksele.se");

        var statuses = await _h.Service.StatusOfAsync(
            [TestOrganisation.Person(TestOrganisation.Kim), TestOrganisation.Person(TestOrganisation.Olle), TestOrganisation.Person(TestOrganisation.Alva)],
            CancellationToken.None);

        Assert.Equal([Reason.Away, Reason.Remote, (Reason?)null], statuses.Select(s => s.DisclosedReason));
        Assert.Equal("Kim Krona, Lycksele kommun, är frånvarande och återkommer klockan 16.00.", statuses[0].Talsvar);
        Assert.Equal("Olle Öppen, Lycksele kommun, arbetar på distans och återkommer klockan 16.00.", statuses[1].Talsvar);
        Assert.Null(statuses[2].Talsvar);
    }

    [Fact]
    public async Task StatusAsync_AvailablePerson_HasNoSegmentNoTalsvarAndNoDisclosedReason()
    {
        var status = await _h.StatusAsync();

        Assert.False(status.IsReferred);
        Assert.Null(status.Talsvar);
        Assert.Null(status.DisclosedReason);
        Assert.Equal(Local("2026-11-25T10:00:00"), status.At);
    }
}
