using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using PresenceBot.Jobs;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Storage.Rows;
using PresenceBot.Tests.Storage;

namespace PresenceBot.Tests.Jobs;

/// <summary>RetentionJob on a real database: what is older than Retention:Days goes, the rest and undelivered events stay.</summary>
public sealed class RetentionJobTests
{
    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Deletes_what_is_older_than_the_default_90_days_and_keeps_newer_rows_and_undelivered_events(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        var now = h.Now;
        await SeedAsync(h, "old", now - Duration.FromDays(91));
        await SeedAsync(h, "new", now - Duration.FromDays(89));
        await using (var db = h.Context())
        {
            db.OutboxMessages.Add(Message("undelivered", now - Duration.FromDays(400), processedAt: null));
            await db.SaveChangesAsync();
        }

        var result = await Job(h, new RetentionOptions()).RunAsync(CancellationToken.None);

        Assert.Equal(90, new RetentionOptions().Days);
        Assert.Equal(new RetentionResult(1, 1, 1), result);
        await using var check = h.Context();
        Assert.Equal(["new"], await check.Referrals.Select(r => r.Note!).ToListAsync());
        Assert.Equal(["new"], await check.AuditEntries.Select(a => a.Actor).ToListAsync());
        Assert.Equal(["new", "undelivered"], (await check.OutboxMessages.Select(m => m.Type).ToListAsync()).Order());
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
        await h.Service.SetAsync(h.Switchboard(TestOrganisation.Erik, hours: 2), CancellationToken.None);
        using (var dispatcher = h.NewDispatcher([new CapturingHandler()]))
        {
            await dispatcher.DispatchPendingAsync(CancellationToken.None);
        }

        // Erik's event is made undelivered again: it must outlive the retention.
        await using (var db = h.Context())
        {
            await db.OutboxMessages.Where(m => m.ProcessedAt != null && m.Payload.Contains(TestOrganisation.Erik))
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.ProcessedAt, (Instant?)null).SetProperty(x => x.LastError, "handler down"));
        }

        var job = Job(h, new RetentionOptions());
        h.Time.Advance(TimeSpan.FromDays(90));
        Assert.Equal(new RetentionResult(0, 0, 0), await job.RunAsync(CancellationToken.None));
        await using (var db = h.Context())
        {
            Assert.Equal(2, await db.PersonStates.CountAsync());
        }

        h.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new RetentionResult(2, 2, 1), await job.RunAsync(CancellationToken.None));
        await using var check = h.Context();
        Assert.False(await check.Referrals.AnyAsync());
        Assert.False(await check.PersonStates.AnyAsync(), "a person with nothing left keeps no row");
        Assert.False(await check.AuditEntries.AnyAsync());
        var kept = Assert.Single(await check.OutboxMessages.AsNoTracking().ToListAsync());
        Assert.Equal(TestOrganisation.Erik, StorageHarness.OutboxPayloadOf(kept.Payload).PersonId);
    }

    private static RetentionJob Job(StorageHarness h, RetentionOptions options) =>
        new(h.Database.CreateFactory(), h.Organisation, Options.Create(options), h.Time, NullLogger<RetentionJob>.Instance);

    /// <summary>A referral that returned, an audit entry and a delivered event, all at <paramref name="at"/>.</summary>
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
        db.OutboxMessages.Add(Message(label, at - Duration.FromMinutes(1), processedAt: at));
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

    private static OutboxMessageRow Message(string type, Instant occurredAt, Instant? processedAt) => new()
    {
        Id = Guid.NewGuid(),
        Type = type,
        Payload = "{}",
        OccurredAt = occurredAt,
        ProcessedAt = processedAt,
        Attempts = 1,
    };
}
