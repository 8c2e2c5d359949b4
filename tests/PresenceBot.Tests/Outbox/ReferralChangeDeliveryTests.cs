using Microsoft.EntityFrameworkCore;
using NodaTime;
using PresenceBot.Outbox;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Tests.Storage;

namespace PresenceBot.Tests.Outbox;

/// <summary>The outbox as queued work (<see cref="ReferralChangeDelivery"/>) over a real database; the clock is fake, nothing sleeps.</summary>
public sealed class ReferralChangeDeliveryTests
{
    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Committed_events_are_delivered_once_each_and_leave_the_queue(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        await h.Service.SetAsync(h.Switchboard(TestOrganisation.Kim), CancellationToken.None);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.Service.SetAsync(h.Switchboard(TestOrganisation.Erik, Reason.Lunch, hours: 1), CancellationToken.None);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.Service.UpsertCalendarAsync(h.Booking(TestOrganisation.Sara, "event-1", Duration.FromHours(2)), CancellationToken.None);
        var handler = new CapturingHandler();
        var delivery = new ReferralChangeDelivery([handler], []);

        Assert.Equal(3, await StorageHarness.RunUntilIdleAsync(h.NewWorker(delivery), delivery));

        // Several at a time, so in no promised order (no handler needs one): each exactly once.
        Assert.Equal(
            new[] { TestOrganisation.Kim, TestOrganisation.Erik, TestOrganisation.Sara }.Order(StringComparer.Ordinal),
            handler.Received.Select(e => e.PersonId).Order(StringComparer.Ordinal));
        var kim = handler.Received.Single(e => e.PersonId == TestOrganisation.Kim);
        Assert.Equal(("set", ReferralSource.Switchboard, "vaxel@lycksele.se"), (kim.Action, kim.Source, kim.Actor));
        Assert.Equal(h.Now - Duration.FromSeconds(2), kim.OccurredAt);
        var sara = handler.Received.Single(e => e.PersonId == TestOrganisation.Sara);
        Assert.Equal(("calendar-created", ReferralSource.Calendar), (sara.Action, sara.Source));
        await using var db = h.Context();
        Assert.False(await db.WorkItems.AnyAsync());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task A_failing_handler_leaves_the_event_queued_with_its_error_and_it_is_delivered_after_the_backoff(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        await h.Service.SetAsync(h.Switchboard(TestOrganisation.Kim), CancellationToken.None);
        var flaky = new FlakyHandler(failures: 1);
        var capturing = new CapturingHandler();
        var delivery = new ReferralChangeDelivery([flaky, capturing], []);
        var worker = h.NewWorker(delivery);

        Assert.Equal(1, await worker.RunDueAsync(delivery, CancellationToken.None));
        await using (var db = h.Context())
        {
            var failed = await db.WorkItems.AsNoTracking().SingleAsync();
            Assert.Equal("HttpRequestException: switchboard unreachable", failed.LastError);
            Assert.Equal(1, failed.Attempts);
            Assert.Null(failed.LeaseUntil);
            Assert.InRange(failed.DueAt, h.Now + Duration.FromMilliseconds(2500), h.Now + Duration.FromSeconds(5));
        }

        // Not before the back-off has passed, even if asked again.
        Assert.Equal(0, await worker.RunDueAsync(delivery, CancellationToken.None));
        h.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, await worker.RunDueAsync(delivery, CancellationToken.None));
        Assert.Equal(2, flaky.Calls);
        Assert.Single(capturing.Received);
        await using var after = h.Context();
        Assert.False(await after.WorkItems.AnyAsync());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Two_workers_over_one_database_deliver_each_event_once_in_total(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        var people = TestOrganisation.CoupledPeople;
        const int Messages = 36;
        for (var i = 0; i < Messages; i++)
        {
            var booking = h.Booking(people[i % people.Count], $"event-{i}", Duration.FromHours(1 + i));
            Assert.True((await h.Service.UpsertCalendarAsync(booking, CancellationToken.None)).Changed);
        }

        var first = new CapturingHandler();
        var second = new CapturingHandler();
        var one = new ReferralChangeDelivery([first], []);
        var other = new ReferralChangeDelivery([second], []);
        var claimed = await Task.WhenAll(
            Task.Run(() => StorageHarness.RunUntilIdleAsync(h.NewWorker(one), one)),
            Task.Run(() => StorageHarness.RunUntilIdleAsync(h.NewWorker(other), other)));

        var all = first.Received.Concat(second.Received).Select(e => e.EventId).ToList();
        Assert.Equal(Messages, all.Count);
        Assert.Equal(Messages, all.Distinct().Count());
        Assert.Equal(Messages, claimed.Sum());
    }
}
