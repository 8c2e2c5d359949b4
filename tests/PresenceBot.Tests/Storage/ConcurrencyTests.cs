using Microsoft.EntityFrameworkCore;
using NodaTime;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Service;

namespace PresenceBot.Tests.Storage;

/// <summary>Optimistic concurrency on the person's version, and the unique calendar key, on each provider.</summary>
public sealed class ConcurrencyTests
{
    private const int Rounds = 20;

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Second_store_saving_a_stale_version_gets_a_concurrency_exception_and_writes_nothing(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        await h.Service.SetAsync(h.Switchboard(TestOrganisation.Kim), CancellationToken.None);
        var first = h.NewStore();
        var second = h.NewStore();
        var loadedByFirst = await first.LoadAsync(TestOrganisation.Kim, h.Now - Duration.FromHours(12), [], CancellationToken.None);
        var loadedBySecond = await second.LoadAsync(TestOrganisation.Kim, h.Now - Duration.FromHours(12), [], CancellationToken.None);
        Assert.Equal(1, loadedByFirst.Version);
        Assert.Equal(1, loadedBySecond.Version);

        await first.SaveAsync(AddOne(h, loadedByFirst, "first"), CancellationToken.None);
        var lost = AddOne(h, loadedBySecond, "second");

        await Assert.ThrowsAsync<ReferralConcurrencyException>(() => second.SaveAsync(lost, CancellationToken.None));
        await AssertNotWrittenAsync(h, lost);
        Assert.Equal((2, 2, 2, 2L), await h.CountsAsync(TestOrganisation.Kim));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Version_token_stops_a_writer_that_commits_between_another_writers_read_and_update(DbProvider provider)
    {
        // The second store has already read the person's version when the first commits: only the
        // "WHERE version = expected" on the UPDATE can stop it (the in-code version check passed).
        await using var h = await StorageHarness.CreateAsync(provider);
        await h.Service.SetAsync(h.Switchboard(TestOrganisation.Kim), CancellationToken.None);
        var first = h.NewStore();
        var loaded = await first.LoadAsync(TestOrganisation.Kim, h.Now - Duration.FromHours(12), [], CancellationToken.None);
        var winner = AddOne(h, loaded, "first");
        var loser = AddOne(h, loaded, "second");
        var second = h.NewStore(new BeforeSaveInterceptor(() => first.SaveAsync(winner, CancellationToken.None)));

        var ex = await Assert.ThrowsAsync<ReferralConcurrencyException>(() => second.SaveAsync(loser, CancellationToken.None));

        Assert.IsType<DbUpdateConcurrencyException>(ex.InnerException);
        await AssertNotWrittenAsync(h, loser);
        Assert.Equal((2, 2, 2, 2L), await h.CountsAsync(TestOrganisation.Kim));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Two_first_writers_for_a_new_person_collide_on_the_person_row(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        var first = h.NewStore();
        var empty = await first.LoadAsync(TestOrganisation.Maria, h.Now, [], CancellationToken.None);
        var winner = AddOne(h, empty, "first");
        var loser = AddOne(h, empty, "second");
        var second = h.NewStore(new BeforeSaveInterceptor(() => first.SaveAsync(winner, CancellationToken.None)));

        await Assert.ThrowsAsync<ReferralConcurrencyException>(() => second.SaveAsync(loser, CancellationToken.None));

        await AssertNotWrittenAsync(h, loser);
        Assert.Equal((1, 1, 1, 1L), await h.CountsAsync(TestOrganisation.Maria));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Concurrent_calendar_upserts_for_one_person_both_survive(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        for (var round = 0; round < Rounds; round++)
        {
            // Both commands are held until both have read: they always plan on the same version.
            var store = new RendezvousStore(h.NewStore(), parties: 2);
            var a = h.Booking(TestOrganisation.Kim, $"event-{round}-a", Duration.FromDays(round + 1));
            var b = h.Booking(TestOrganisation.Kim, $"event-{round}-b", Duration.FromDays(round + 1) + Duration.FromHours(2));

            var results = await Task.WhenAll(
                Task.Run(() => h.NewService(store).UpsertCalendarAsync(a, CancellationToken.None)),
                Task.Run(() => h.NewService(store).UpsertCalendarAsync(b, CancellationToken.None)));

            Assert.All(results, r => Assert.True(r.Changed));
            Assert.Equal(1, store.Conflicts);
        }

        await using var db = h.Context();
        var keys = await db.Referrals.Select(r => r.ExternalKey!).ToListAsync();
        Assert.Equal(2 * Rounds, keys.Distinct().Count());
        Assert.Equal((2 * Rounds, 2 * Rounds, 2 * Rounds, 2L * Rounds), await h.CountsAsync(TestOrganisation.Kim));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Concurrent_switchboard_referral_and_calendar_upsert_both_survive(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        for (var round = 0; round < Rounds; round++)
        {
            var store = new RendezvousStore(h.NewStore(), parties: 2);
            var set = h.Switchboard(TestOrganisation.Erik, round % 2 == 0 ? Reason.Meeting : Reason.Errand, hours: 2 + round);
            var booking = h.Booking(TestOrganisation.Erik, $"event-{round}", Duration.FromDays(round + 1));

            var results = await Task.WhenAll(
                Task.Run(() => h.NewService(store).SetAsync(set, CancellationToken.None)),
                Task.Run(() => h.NewService(store).UpsertCalendarAsync(booking, CancellationToken.None)));

            Assert.All(results, r => Assert.True(r.Changed));
            Assert.Equal(1, store.Conflicts);
            await using var db = h.Context();
            Assert.Equal(1, await db.Referrals.CountAsync(r => r.ExternalKey == $"event-{round}"));
            // Each round's switchboard referral replaces the previous one (same start, the clock stands still).
            var manual = await db.Referrals.SingleAsync(r => r.Source == nameof(ReferralSource.Switchboard));
            Assert.Equal(set.Reason.ToString(), manual.Reason);
        }

        Assert.Equal(2L * Rounds, (await h.CountsAsync(TestOrganisation.Erik)).Version);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Two_first_writers_of_one_calendar_event_leave_one_referral(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        var people = TestOrganisation.CoupledPeople;
        for (var round = 0; round < Rounds; round++)
        {
            // A fresh person each round (the sample has nine coupled people, then events are fresh instead).
            var person = people[round % people.Count];
            var store = new RendezvousStore(h.NewStore(), parties: 2);
            var booking = h.Booking(person, $"shared-event-{round}", Duration.FromHours(round + 1));

            var results = await Task.WhenAll(
                Task.Run(() => h.NewService(store).UpsertCalendarAsync(booking, CancellationToken.None)),
                Task.Run(() => h.NewService(store).UpsertCalendarAsync(booking, CancellationToken.None)));

            Assert.Single(results, r => r.Changed);
            Assert.Equal(1, store.Conflicts);
            await using var db = h.Context();
            Assert.Equal(1, await db.Referrals.CountAsync(r => r.PersonId == person && r.ExternalKey == booking.ExternalKey));
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.PersonId == person && a.At == h.Now && a.Actor == booking.Actor
                && a.After!.Contains(booking.ExternalKey)));
        }
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Unique_calendar_key_rejects_a_second_row_for_the_same_event_and_the_change_set_is_not_written(DbProvider provider)
    {
        // Bypasses the service (which would update the existing row) to prove the index itself holds.
        await using var h = await StorageHarness.CreateAsync(provider);
        var booking = h.Booking(TestOrganisation.Kim, "event-1", Duration.FromHours(1));
        await h.Service.UpsertCalendarAsync(booking, CancellationToken.None);
        var store = h.NewStore();
        var state = await store.LoadAsync(TestOrganisation.Kim, h.Now, [booking.ExternalKey], CancellationToken.None);
        var duplicate = AddOne(h, state, "duplicate", externalKey: booking.ExternalKey);

        await Assert.ThrowsAsync<ReferralConcurrencyException>(() => store.SaveAsync(duplicate, CancellationToken.None));

        await AssertNotWrittenAsync(h, duplicate);
        Assert.Equal((1, 1, 1, 1L), await h.CountsAsync(TestOrganisation.Kim));
    }

    /// <summary>A change set that adds one switchboard (or calendar) referral on top of <paramref name="state"/>.</summary>
    private static ReferralChangeSet AddOne(StorageHarness h, PersonReferrals state, string actor, string? externalKey = null)
    {
        var source = externalKey is null ? ReferralSource.Switchboard : ReferralSource.Calendar;
        var referral = new Referral(Guid.NewGuid(), state.PersonId, Reason.Errand, h.Now + Duration.FromDays(1),
            h.Now + Duration.FromDays(1) + Duration.FromHours(1), PhoneState.Closed, source, externalKey: externalKey);
        return new ReferralChangeSet(
            state.PersonId,
            state.Version,
            state.LastReturnAt,
            [referral],
            [],
            [],
            [new AuditEntry(Guid.NewGuid(), state.PersonId, h.Now, source, actor, "created", referral.Id, null, referral)],
            new ReferralChanged(Guid.NewGuid(), state.PersonId, h.Now, source, actor, "set"));
    }

    private static async Task AssertNotWrittenAsync(StorageHarness h, ReferralChangeSet changes)
    {
        await using var db = h.Context();
        var referralId = changes.Added[0].Id;
        var auditId = changes.Audit[0].Id;
        Assert.False(await db.Referrals.AnyAsync(r => r.Id == referralId));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Id == auditId));
        var eventKey = changes.Event.EventId.ToString();
        Assert.False(await db.WorkItems.AnyAsync(m => m.Key == eventKey));
    }
}
