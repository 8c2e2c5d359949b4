using NodaTime;
using PresenceBot.Referrals.Voicemail;

namespace PresenceBot.Referrals.Tests.Voicemail;

public sealed class UnheardVoicemailReconcilerTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 8, 0);
    private static readonly Instant WeekAgo = Now - Duration.FromDays(7);

    private readonly InMemoryVoicemailLedger _ledger = new();

    private UnheardVoicemailReconciler Reconciler => new(_ledger);

    [Fact]
    public async Task Reconcile_ListedAndUnknown_IsRecordedAsNew()
    {
        var result = await Reconciler.ReconcileAsync("kim", VoicemailSources.Mailbox, [Mail("m1", Now - Duration.FromMinutes(5))], WeekAgo, Now, default);

        Assert.Equal(new VoicemailReconciliation(1, 0), result);
        var stored = Assert.Single(_ledger.All);
        Assert.Equal((VoicemailSources.Mailbox, "m1", VoicemailState.New, "Anna Andersson"), (stored.Source, stored.Id, stored.State, stored.Caller));
    }

    [Fact]
    public async Task Reconcile_SameListAgain_WritesNothing()
    {
        IReadOnlyCollection<VoicemailMessage> listed = [Mail("m1", Now)];
        await Reconciler.ReconcileAsync("kim", VoicemailSources.Mailbox, listed, WeekAgo, Now, default);
        var writes = _ledger.Writes;

        var again = await Reconciler.ReconcileAsync("kim", VoicemailSources.Mailbox, listed, WeekAgo, Now, default);

        Assert.Equal(new VoicemailReconciliation(0, 0), again);
        Assert.Equal(writes, _ledger.Writes);
    }

    [Fact]
    public async Task Reconcile_NoLongerListed_IsHeard()
    {
        await Reconciler.ReconcileAsync("kim", VoicemailSources.Mailbox, [Mail("m1", Now), Mail("m2", Now)], WeekAgo, Now, default);

        var result = await Reconciler.ReconcileAsync("kim", VoicemailSources.Mailbox, [Mail("m2", Now)], WeekAgo, Now, default);

        Assert.Equal(new VoicemailReconciliation(0, 1), result);
        Assert.Equal(["m2"], (await _ledger.ForPersonAsync("kim", default)).Unheard.Select(m => m.Id));
    }

    [Fact]
    public async Task Reconcile_HeardInTeamsButStillUnreadInTheMailbox_StaysHeard()
    {
        IReadOnlyCollection<VoicemailMessage> listed = [Mail("m1", Now)];
        await Reconciler.ReconcileAsync("kim", VoicemailSources.Mailbox, listed, WeekAgo, Now, default);
        await _ledger.MarkHeardAsync("kim", [], Now, default);

        var result = await Reconciler.ReconcileAsync("kim", VoicemailSources.Mailbox, listed, WeekAgo, Now, default);

        Assert.Equal(new VoicemailReconciliation(0, 0), result);
        Assert.Empty((await _ledger.ForPersonAsync("kim", default)).Unheard);
    }

    [Fact]
    public async Task Reconcile_OldBacklog_IsNotRecorded_ButWhatWasRecordedStaysUnheardWhileListed()
    {
        var old = Mail("old", WeekAgo - Duration.FromMinutes(1));
        var recorded = Mail("recorded", Now);
        await Reconciler.ReconcileAsync("kim", VoicemailSources.Mailbox, [recorded], WeekAgo, Now, default);

        // Eight days later the recorded one is old too, and still unread.
        var later = Now + Duration.FromDays(8);
        var result = await Reconciler.ReconcileAsync("kim", VoicemailSources.Mailbox, [old, recorded], later - Duration.FromDays(7), later, default);

        Assert.Equal(new VoicemailReconciliation(0, 0), result);
        Assert.Equal(["recorded"], (await _ledger.ForPersonAsync("kim", default)).Unheard.Select(m => m.Id));
    }

    [Fact]
    public async Task Reconcile_OtherSourcesMessages_AreLeftAlone()
    {
        await _ledger.RecordAsync(Mail("sw-1", Now) with { Source = VoicemailSources.Switchboard }, Now, default);

        var result = await Reconciler.ReconcileAsync("kim", VoicemailSources.Mailbox, [], WeekAgo, Now, default);

        Assert.Equal(new VoicemailReconciliation(0, 0), result);
        Assert.Equal(["sw-1"], (await _ledger.ForPersonAsync("kim", default)).Unheard.Select(m => m.Id));
    }

    [Fact]
    public async Task Reconcile_SomeoneElsesMessageInTheList_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Reconciler.ReconcileAsync("kim", VoicemailSources.Mailbox, [Mail("m1", Now) with { PersonId = "sara" }], WeekAgo, Now, default));
        Assert.Empty(_ledger.All);
    }

    private static VoicemailMessage Mail(string id, Instant receivedAt) => new()
    {
        Source = VoicemailSources.Mailbox,
        Id = id,
        PersonId = "kim",
        ReceivedAt = receivedAt,
        Caller = "Anna Andersson",
        State = VoicemailState.New,
    };
}
