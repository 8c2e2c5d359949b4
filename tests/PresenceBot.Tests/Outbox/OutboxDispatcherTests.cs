using Microsoft.EntityFrameworkCore;
using NodaTime;
using PresenceBot.Outbox;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Service;
using PresenceBot.Tests.Storage;

namespace PresenceBot.Tests.Outbox;

/// <summary>OutboxDispatcher.DispatchPendingAsync over a real database; the clock is fake, nothing sleeps.</summary>
public sealed class OutboxDispatcherTests
{
    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Committed_events_are_delivered_once_and_marked_processed(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        await h.Service.SetAsync(h.Switchboard(TestOrganisation.Kim), CancellationToken.None);
        await h.Service.SetAsync(h.Switchboard(TestOrganisation.Erik, Reason.Lunch, hours: 1), CancellationToken.None);
        await h.Service.UpsertCalendarAsync(h.Booking(TestOrganisation.Sara, "event-1", Duration.FromHours(2)), CancellationToken.None);
        var handler = new CapturingHandler();
        using var dispatcher = h.NewDispatcher([handler]);
        h.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(3, await dispatcher.DispatchPendingAsync(CancellationToken.None));
        Assert.Equal(0, await dispatcher.DispatchPendingAsync(CancellationToken.None));

        await using var db = h.Context();
        var messages = await db.OutboxMessages.AsNoTracking().ToListAsync();
        Assert.Equal(messages.Select(m => m.Id).Order(), handler.Received.Select(e => e.EventId).Order());
        Assert.All(messages, m =>
        {
            Assert.Equal(h.Now, m.ProcessedAt);
            Assert.Null(m.LockedUntil);
            Assert.Equal(1, m.Attempts);
            Assert.Null(m.LastError);
        });
        var kim = Assert.Single(handler.Received, e => e.PersonId == TestOrganisation.Kim);
        Assert.Equal(("set", ReferralSource.Switchboard, "vaxel@lycksele.se"), (kim.Action, kim.Source, kim.Actor));
        Assert.Equal(h.Now - Duration.FromSeconds(1), kim.OccurredAt);
        var sara = Assert.Single(handler.Received, e => e.PersonId == TestOrganisation.Sara);
        Assert.Equal(("calendar-created", ReferralSource.Calendar), (sara.Action, sara.Source));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Events_are_delivered_in_commit_order(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        foreach (var reason in new[] { Reason.Meeting, Reason.Errand, Reason.Lunch })
        {
            await h.Service.SetAsync(h.Switchboard(TestOrganisation.Kim, reason), CancellationToken.None);
            h.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var handler = new CapturingHandler();
        using var dispatcher = h.NewDispatcher([handler]);

        Assert.Equal(3, await dispatcher.DispatchPendingAsync(CancellationToken.None));
        var occurred = handler.Received.Select(e => e.OccurredAt).ToList();
        Assert.Equal(occurred.Order(), occurred);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task A_failing_handler_leaves_the_message_undelivered_with_its_error_and_it_is_retried_after_the_backoff(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        await h.Service.SetAsync(h.Switchboard(TestOrganisation.Kim), CancellationToken.None);
        var flaky = new FlakyHandler(failures: 1);
        var capturing = new CapturingHandler();
        using var dispatcher = h.NewDispatcher([flaky, capturing]);

        Assert.Equal(0, await dispatcher.DispatchPendingAsync(CancellationToken.None));

        await using (var db = h.Context())
        {
            var failed = await db.OutboxMessages.AsNoTracking().SingleAsync();
            Assert.Null(failed.ProcessedAt);
            Assert.Equal("switchboard unreachable", failed.LastError);
            Assert.Equal(1, failed.Attempts);
            Assert.Equal(h.Now + Duration.FromSeconds(5), failed.LockedUntil); // 5 s after the first failure, then doubling
        }

        // Not before the backoff has passed, even if asked again.
        h.Time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(0, await dispatcher.DispatchPendingAsync(CancellationToken.None));
        Assert.Equal(1, flaky.Calls);

        h.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await dispatcher.DispatchPendingAsync(CancellationToken.None));
        Assert.Equal(2, flaky.Calls);
        Assert.Single(capturing.Received);

        await using (var db = h.Context())
        {
            var delivered = await db.OutboxMessages.AsNoTracking().SingleAsync();
            Assert.Equal(h.Now, delivered.ProcessedAt);
            Assert.Equal(2, delivered.Attempts);
            Assert.Null(delivered.LockedUntil);
            Assert.Null(delivered.LastError);
        }

        Assert.Equal(0, await dispatcher.DispatchPendingAsync(CancellationToken.None));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task A_failing_message_does_not_hold_up_the_others_and_a_long_error_is_truncated(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        await h.Service.SetAsync(h.Switchboard(TestOrganisation.Kim), CancellationToken.None);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.Service.SetAsync(h.Switchboard(TestOrganisation.Erik), CancellationToken.None);
        var flaky = new FlakyHandler(failures: 1, message: new string('x', 3000));
        using var dispatcher = h.NewDispatcher([flaky]);

        Assert.Equal(1, await dispatcher.DispatchPendingAsync(CancellationToken.None));

        await using var db = h.Context();
        var messages = await db.OutboxMessages.AsNoTracking().OrderBy(m => m.OccurredAt).ToListAsync();
        Assert.Null(messages[0].ProcessedAt);
        Assert.Equal(2000, messages[0].LastError!.Length);
        Assert.NotNull(messages[1].ProcessedAt);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Events_committed_before_a_restart_are_delivered_by_the_next_dispatcher(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        await h.Service.SetAsync(h.Switchboard(TestOrganisation.Kim), CancellationToken.None);
        await h.Service.SetAsync(h.Switchboard(TestOrganisation.Erik), CancellationToken.None);

        // "Restart": a new dispatcher with its own factory and signal, nothing shared with the writer but the database.
        var handler = new CapturingHandler();
        using var afterRestart = h.NewDispatcher([handler], new OutboxSignal());

        Assert.Equal(2, await afterRestart.DispatchPendingAsync(CancellationToken.None));
        Assert.Equal(new[] { TestOrganisation.Erik, TestOrganisation.Kim }.Order(), handler.Received.Select(e => e.PersonId).Order());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task A_message_claimed_by_an_instance_that_died_is_delivered_once_its_lease_ran_out(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        await h.Service.SetAsync(h.Switchboard(TestOrganisation.Kim), CancellationToken.None);
        var lease = TimeSpan.FromSeconds(30);
        await using (var db = h.Context())
        {
            // What a dispatcher's claim leaves behind if the process dies in the handler.
            var leaseEnd = h.Now + Duration.FromTimeSpan(lease);
            await db.OutboxMessages.ExecuteUpdateAsync(m => m.SetProperty(x => x.LockedUntil, leaseEnd).SetProperty(x => x.Attempts, 1));
        }

        var handler = new CapturingHandler();
        using var dispatcher = h.NewDispatcher([handler], options: new OutboxOptions { Lease = lease });

        Assert.Equal(0, await dispatcher.DispatchPendingAsync(CancellationToken.None));
        h.Time.Advance(lease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await dispatcher.DispatchPendingAsync(CancellationToken.None));
        Assert.Single(handler.Received);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Two_dispatchers_over_one_database_deliver_each_message_once_in_total(DbProvider provider)
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
        using var one = h.NewDispatcher([first]);
        using var other = h.NewDispatcher([second]);

        var delivered = await Task.WhenAll(
            Task.Run(() => one.DispatchPendingAsync(CancellationToken.None)),
            Task.Run(() => other.DispatchPendingAsync(CancellationToken.None)));
        var afterwards = await Task.WhenAll(
            Task.Run(() => one.DispatchPendingAsync(CancellationToken.None)),
            Task.Run(() => other.DispatchPendingAsync(CancellationToken.None)));

        var all = first.Received.Concat(second.Received).Select(e => e.EventId).ToList();
        Assert.Equal(Messages, all.Count);
        Assert.Equal(Messages, all.Distinct().Count());
        Assert.Equal(Messages, delivered.Sum() + afterwards.Sum());
        await using var db = h.Context();
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.ProcessedAt == null));
        Assert.All(await db.OutboxMessages.AsNoTracking().ToListAsync(), m => Assert.Equal(1, m.Attempts));
    }
}
