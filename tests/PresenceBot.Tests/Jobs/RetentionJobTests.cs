using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using PresenceBot.Jobs;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Storage.Rows;
using PresenceBot.Tests.Storage;
using PresenceBot.WorkQueue;

namespace PresenceBot.Tests.Jobs;

/// <summary>RetentionJob on a real database: what is older than Retention:Days goes, the rest and waiting work stay.</summary>
public sealed class RetentionJobTests
{
    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Deletes_what_is_older_than_the_default_90_days_and_keeps_newer_rows_and_waiting_work(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        var now = h.Now;
        await SeedAsync(h, "old", now - Duration.FromDays(91));
        await SeedAsync(h, "new", now - Duration.FromDays(89));
        await using (var db = h.Context())
        {
            db.WorkItems.Add(new WorkItemRow { Kind = "referral-changed", Key = "undelivered", Payload = "{}", DueAt = now, CreatedAt = now - Duration.FromDays(400) });
            await db.SaveChangesAsync();
        }

        var result = await Job(h, new RetentionOptions()).RunAsync(CancellationToken.None);

        Assert.Equal(90, new RetentionOptions().Days);
        Assert.Equal(new RetentionResult(1, 1, 1), result);
        await using var check = h.Context();
        Assert.Equal(["new"], await check.Referrals.Select(r => r.Note!).ToListAsync());
        Assert.Equal(["new"], await check.AuditEntries.Select(a => a.Actor).ToListAsync());
        Assert.Equal(["new"], await check.DeadLetters.Select(m => m.Key).ToListAsync());
        Assert.Equal(["undelivered"], await check.WorkItems.Select(m => m.Key).ToListAsync());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Honours_configured_days_and_keeps_referrals_that_have_not_returned(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        var now = h.Now;
        await SeedAsync(h, "31-days", now - Duration.FromDays(31));
        await SeedAsync(h, "29-days", now - Duration.FromDays(29));
        await using (var db = h.Context())
        {
            // A long absence that started long ago but is still running or ended recently is kept.
            db.Referrals.Add(Referral("long-absence", now - Duration.FromDays(200), now + Duration.FromDays(10)));
            await db.SaveChangesAsync();
        }

        var result = await Job(h, new RetentionOptions { Days = 30 }).RunAsync(CancellationToken.None);

        Assert.Equal(new RetentionResult(1, 1, 1), result);
        await using var check = h.Context();
        Assert.Equal(["29-days", "long-absence"], (await check.Referrals.Select(r => r.Note!).ToListAsync()).Order());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Data_written_through_the_service_is_kept_until_it_is_older_than_the_retention(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        await h.Service.SetAsync(h.Switchboard(TestOrganisation.Kim, hours: 2), CancellationToken.None);
        // Kim's event is delivered (and leaves the queue); Erik's, committed after, is not: it must outlive the retention.
        var delivery = new PresenceBot.Outbox.ReferralChangeDelivery([new CapturingHandler()], []);
        Assert.Equal(1, await h.NewWorker(delivery).RunDueAsync(delivery, CancellationToken.None));
        await h.Service.SetAsync(h.Switchboard(TestOrganisation.Erik, hours: 2), CancellationToken.None);

        var job = Job(h, new RetentionOptions());
        h.Time.Advance(TimeSpan.FromDays(90));
        Assert.Equal(new RetentionResult(0, 0, 0), await job.RunAsync(CancellationToken.None));
        await using (var db = h.Context())
        {
            Assert.Equal(2, await db.PersonStates.CountAsync());
        }

        h.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new RetentionResult(2, 2, 0), await job.RunAsync(CancellationToken.None));
        await using var check = h.Context();
        Assert.False(await check.Referrals.AnyAsync());
        Assert.False(await check.PersonStates.AnyAsync(), "a person with nothing left keeps no row");
        Assert.False(await check.AuditEntries.AnyAsync());
        var kept = Assert.Single(await check.WorkItems.AsNoTracking().ToListAsync());
        Assert.Equal(TestOrganisation.Erik, StorageHarness.OutboxPayloadOf(kept.Payload!).PersonId);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task A_forwarding_is_forgotten_Days_after_it_ended_and_keeps_the_row_until_then(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        var now = h.Now;
        await using (var db = h.Context())
        {
            db.PersonStates.Add(new PersonStateRow
            {
                PersonId = TestOrganisation.Kim, Version = 1, ForwardToId = TestOrganisation.Sara, ForwardFrom = now - Duration.FromDays(92),
                ForwardUntil = now - Duration.FromDays(91), ForwardSetAt = now - Duration.FromDays(92),
            });
            db.PersonStates.Add(new PersonStateRow
            {
                PersonId = TestOrganisation.Erik, Version = 1, ForwardToId = TestOrganisation.Sara, ForwardFrom = now - Duration.FromDays(10),
                ForwardUntil = now - Duration.FromDays(9), ForwardSetAt = now - Duration.FromDays(10),
            });
            db.PersonStates.Add(new PersonStateRow
            {
                PersonId = TestOrganisation.Maria, Version = 1, LastReturnAt = now - Duration.FromDays(1), ForwardToId = TestOrganisation.Sara,
                ForwardFrom = now - Duration.FromDays(92), ForwardUntil = now - Duration.FromDays(91), ForwardSetAt = now - Duration.FromDays(92),
            });
            await db.SaveChangesAsync();
        }

        await Job(h, new RetentionOptions()).RunAsync(CancellationToken.None);

        await using var check = h.Context();
        var kept = (await check.PersonStates.AsNoTracking().ToListAsync()).ToDictionary(p => p.PersonId);
        // Kim's ended long ago and nothing else was left: the row goes. Erik's ended recently: kept. Maria came back
        // yesterday (the row stays for that) but her forwarding ended long ago: it is forgotten.
        Assert.Equal(new[] { TestOrganisation.Erik, TestOrganisation.Maria }.Order(), kept.Keys.Order());
        Assert.Equal(TestOrganisation.Sara, kept[TestOrganisation.Erik].ForwardToId);
        Assert.Null(kept[TestOrganisation.Maria].ForwardToId);
        Assert.Null(kept[TestOrganisation.Maria].ForwardUntil);
    }

    private static RetentionJob Job(StorageHarness h, RetentionOptions options) =>
        new(h.Database.CreateFactory(), h.Organisation, Options.Create(options), h.Time, NullLogger<RetentionJob>.Instance);

    /// <summary>A referral that returned, an audit entry and a dead letter, all at <paramref name="at"/>.</summary>
    private static async Task SeedAsync(StorageHarness h, string label, Instant at)
    {
        await using var db = h.Context();
        db.Referrals.Add(Referral(label, at - Duration.FromHours(2), at));
        db.AuditEntries.Add(new AuditEntryRow
        {
            Id = Guid.NewGuid(),
            PersonId = TestOrganisation.Kim,
            At = at,
            Source = nameof(ReferralSource.Switchboard),
            Actor = label,
            Action = "created",
        });
        db.DeadLetters.Add(new DeadLetterRow { Kind = "referral-changed", Key = label, Attempts = 12, CreatedAt = at - Duration.FromHours(1), DeadAt = at });
        await db.SaveChangesAsync();
    }

    private static ReferralRow Referral(string note, Instant start, Instant returnsAt) => new()
    {
        Id = Guid.NewGuid(),
        PersonId = TestOrganisation.Kim,
        Reason = nameof(Reason.Meeting),
        Start = start,
        ReturnsAt = returnsAt,
        Phone = nameof(PhoneState.Closed),
        Source = nameof(ReferralSource.Switchboard),
        Note = note,
        UpdatedAt = start,
    };
}
