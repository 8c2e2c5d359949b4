using NodaTime;
using PresenceBot.Referrals.Voicemail;
using PresenceBot.Storage;

namespace PresenceBot.Tests.Storage;

/// <summary>The EF voicemail ledger on a real database: upsert, forward-only state, heard, snooze.</summary>
public sealed class VoicemailLedgerTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 8, 0);

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Record_SameIdTwice_UpdatesInsteadOfDuplicating(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ledger = new EfVoicemailLedger(database.CreateFactory());

        var first = await ledger.RecordAsync(Message("a", VoicemailState.New, caller: "070-1"), Now, CancellationToken.None);
        var second = await ledger.RecordAsync(Message("a", VoicemailState.New, caller: null, duration: 30), Now, CancellationToken.None);

        Assert.True(first.Created);
        Assert.False(second.Created);
        var unheard = Assert.Single((await ledger.ForPersonAsync(TestOrganisation.Kim, CancellationToken.None)).Unheard);
        Assert.Equal("070-1", unheard.Caller);
        Assert.Equal(30, unheard.DurationSeconds);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Record_StateOnlyMovesForward(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ledger = new EfVoicemailLedger(database.CreateFactory());

        await ledger.RecordAsync(Message("a", VoicemailState.Heard), Now, CancellationToken.None);
        var lateNew = await ledger.RecordAsync(Message("a", VoicemailState.New), Now, CancellationToken.None);
        var deleted = await ledger.RecordAsync(Message("a", VoicemailState.Deleted), Now, CancellationToken.None);
        var heardAgain = await ledger.RecordAsync(Message("a", VoicemailState.Heard), Now, CancellationToken.None);

        Assert.Equal(VoicemailState.Heard, lateNew.State);
        Assert.Equal(VoicemailState.Deleted, deleted.State);
        Assert.Equal(VoicemailState.Deleted, heardAgain.State);
        Assert.Empty((await ledger.ForPersonAsync(TestOrganisation.Kim, CancellationToken.None)).Unheard);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Record_ConcurrentDeliveriesOfOneEvent_StoreOneRow(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var instances = Enumerable.Range(0, 4).Select(_ => new EfVoicemailLedger(database.CreateFactory())).ToList();

        var outcomes = await Task.WhenAll(instances.Select(l => l.RecordAsync(Message("same", VoicemailState.New), Now, CancellationToken.None)));

        Assert.Single(outcomes, o => o.Created);
        Assert.Single((await instances[0].ForPersonAsync(TestOrganisation.Kim, CancellationToken.None)).Unheard);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Unheard_PerPersonOldestFirst_AndWhoHasAny(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ledger = new EfVoicemailLedger(database.CreateFactory());
        await ledger.RecordAsync(Message("late", VoicemailState.New, receivedAt: Now + Duration.FromMinutes(20)), Now, CancellationToken.None);
        await ledger.RecordAsync(Message("early", VoicemailState.New, receivedAt: Now), Now, CancellationToken.None);
        await ledger.RecordAsync(Message("sara", VoicemailState.Heard, person: TestOrganisation.Sara), Now, CancellationToken.None);

        var kim = await ledger.ForPersonAsync(TestOrganisation.Kim, CancellationToken.None);
        var people = await ledger.PeopleWithUnheardAsync(CancellationToken.None);

        Assert.Equal(["early", "late"], kim.Unheard.Select(m => m.Id));
        Assert.Equal([TestOrganisation.Kim], people);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task MarkHeard_OneOrAll(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ledger = new EfVoicemailLedger(database.CreateFactory());
        foreach (var id in new[] { "a", "b", "c" })
        {
            await ledger.RecordAsync(Message(id, VoicemailState.New), Now, CancellationToken.None);
        }

        var one = await ledger.MarkHeardAsync(TestOrganisation.Kim, ["a"], Now, CancellationToken.None);
        var rest = await ledger.MarkHeardAsync(TestOrganisation.Kim, [], Now, CancellationToken.None);

        Assert.Equal(1, one);
        Assert.Equal(2, rest);
        Assert.Empty((await ledger.ForPersonAsync(TestOrganisation.Kim, CancellationToken.None)).Unheard);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Snooze_IsKeptAndReplaced(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ledger = new EfVoicemailLedger(database.CreateFactory());

        await ledger.SnoozeAsync(TestOrganisation.Kim, Now + Duration.FromHours(1), CancellationToken.None);
        await ledger.SnoozeAsync(TestOrganisation.Kim, Now + Duration.FromHours(2), CancellationToken.None);

        Assert.Equal(Now + Duration.FromHours(2), (await ledger.ForPersonAsync(TestOrganisation.Kim, CancellationToken.None)).SnoozedUntil);
        Assert.Null((await ledger.ForPersonAsync(TestOrganisation.Sara, CancellationToken.None)).SnoozedUntil);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task PerSource_StatesOfKnownIds_AndWhoHasUnheard(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ledger = new EfVoicemailLedger(database.CreateFactory());
        // A mailbox message id is about 150 characters: longer than any switchboard's, and it must fit.
        var mailboxId = "AAMkAGI2" + new string('x', 140) + "AAA=";
        await ledger.RecordAsync(Message(mailboxId, VoicemailState.New) with { Source = VoicemailSources.Mailbox }, Now, CancellationToken.None);
        await ledger.RecordAsync(Message("heard", VoicemailState.Heard) with { Source = VoicemailSources.Mailbox }, Now, CancellationToken.None);
        await ledger.RecordAsync(Message("switchboard-only", VoicemailState.New, person: TestOrganisation.Sara), Now, CancellationToken.None);

        var states = await ledger.StatesAsync(VoicemailSources.Mailbox, [mailboxId, "heard", "switchboard-only", "never-seen"], CancellationToken.None);

        Assert.Equal(2, states.Count);
        Assert.Equal(VoicemailState.New, states[mailboxId]);
        Assert.Equal(VoicemailState.Heard, states["heard"]);
        Assert.Equal([TestOrganisation.Kim], await ledger.PeopleWithUnheardAsync(VoicemailSources.Mailbox, CancellationToken.None));
        Assert.Equal([TestOrganisation.Sara], await ledger.PeopleWithUnheardAsync(VoicemailSources.Switchboard, CancellationToken.None));
    }

    private static VoicemailMessage Message(
        string id, VoicemailState state, string? caller = null, int? duration = null, Instant? receivedAt = null, string person = TestOrganisation.Kim) => new()
    {
        Source = VoicemailSources.Switchboard,
        Id = id,
        PersonId = person,
        ReceivedAt = receivedAt ?? Now,
        Caller = caller,
        DurationSeconds = duration,
        State = state,
    };
}
