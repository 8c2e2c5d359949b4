using System.Net;
using static PresenceBot.Tests.Calendar.CalendarTestHost;

namespace PresenceBot.Tests.Calendar;

/// <summary>
/// Graph delivers at least once, sometimes twice, batched and out of order; a late notification may describe a
/// state that is long gone. The referrals must end up matching the calendar whatever arrived.
/// </summary>
public sealed class UnreliableDeliveryTests
{
    [Fact]
    public async Task Duplicated_batched_and_reordered_notifications_leave_the_state_the_calendar_shows()
    {
        await using var host = await StartAsync(new Dictionary<string, string?>
        {
            ["GraphStandIn:DuplicateProbability"] = "0.6",
            ["GraphStandIn:MaxExtraDelay"] = "00:00:00.150",
            ["GraphStandIn:BatchProbability"] = "0.5",
            ["GraphStandIn:RandomSeed"] = "20261123",
        });
        var calendars = host.Graph.Calendars;

        var kimMeeting = await host.BookAsync(Kim, Draft("SAM: Styrelse", "2026-11-23T08:00:00", "2026-11-23T10:00:00"));
        var kimGone = await host.BookAsync(Kim, Draft("TJÄ: Ärende", "2026-11-23T08:00:00", "2026-11-23T16:00:00"));
        foreach (var end in new[] { "10:30", "11:00", "11:15" })
        {
            await calendars.UpdateEventAsync(Kim, kimMeeting, new() { End = new($"2026-11-23T{end}:00", Zone) }, CancellationToken.None);
        }

        await calendars.DeleteEventAsync(Kim, kimGone, CancellationToken.None);
        var saraFirst = await host.BookAsync(Sara, Draft("SAM: Första", "2026-11-23T08:00:00", "2026-11-23T13:00:00"));
        await calendars.UpdateEventAsync(Sara, saraFirst, new() { ShowAs = "free" }, CancellationToken.None);
        await host.BookAsync(Sara, Draft("LUN; Lunch", "2026-11-23T08:50:00", "2026-11-23T09:40:00"));

        await host.SettledAsync();
        var stats = host.Graph.Stats;
        Assert.True(stats.NotificationPosts > stats.NotificationsQueued / 2, "the stand-in delivered (duplicates included)");
        Assert.Equal(0, stats.NotificationsFailed);

        var kim = await host.StatusWhenAsync(Kim, s => (string?)s["returnsAt"] == "2026-11-23T11:15:00+01:00", "Kim's last move wins");
        Assert.Equal("meeting", (string?)kim["reason"]);
        var sara = await host.StatusWhenAsync(Sara, s => (string?)s["reason"] == "lunch", "Sara at lunch, the freed booking gone");
        Assert.Equal("2026-11-23T09:40:00+01:00", (string?)sara["returnsAt"]);
        Assert.Equal("open", (string?)sara["phone"]);
        Assert.Equal(1, await host.CountAsync("referrals", $"PersonId = '{Kim}'"));
        Assert.Equal(1, await host.CountAsync("referrals", $"PersonId = '{Sara}'"));
    }

    [Fact]
    public async Task Stale_notifications_replayed_after_a_delete_do_not_bring_the_referral_back()
    {
        await using var host = await StartAsync();
        var id = await host.BookAsync(Kim, Draft("SAM: Kort", "2026-11-23T08:00:00", "2026-11-23T10:00:00"));
        await host.StatusWhenAsync(Kim, s => (string?)s["state"] == "referred", "Kim referred");
        await host.Graph.Calendars.DeleteEventAsync(Kim, id, CancellationToken.None);
        await host.StatusWhenAsync(Kim, s => (string?)s["state"] == "available", "Kim available");
        await host.SettledAsync();
        var readsBefore = Reads(host);

        // Graph's late copies, out of order: updated and created after the deletion, each twice.
        var (subscription, clientState, _) = await host.SubscriptionOfAsync(Kim);
        foreach (var changeType in new[] { "updated", "created", "updated", "created", "deleted" })
        {
            using var response = await host.PostWebhookAsync("/api/graph/notifications", Notification(subscription, clientState, Kim, changeType, id));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await host.SettledAsync();
        Assert.True(Reads(host) > readsBefore, "the late copies were acted on (by a re-read)");
        Assert.Equal("available", (string?)(await host.StatusAsync(Kim))["state"]);
        Assert.Equal(0, await host.CountAsync("referrals", $"PersonId = '{Kim}'"));
    }

    [Fact]
    public async Task A_burst_of_500_notifications_for_one_person_is_coalesced_into_far_fewer_reads()
    {
        await using var host = await StartAsync();
        var id = await host.BookAsync(Kim, Draft("SAM: Burst", "2026-11-23T08:00:00", "2026-11-23T10:00:00"));
        await host.StatusWhenAsync(Kim, s => (string?)s["state"] == "referred", "Kim referred");
        await host.SettledAsync();
        var readsBefore = Reads(host);
        var (subscription, clientState, _) = await host.SubscriptionOfAsync(Kim);
        var body = Notification(subscription, clientState, Kim, "updated", id);

        await Parallel.ForAsync(0, 500, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, _) =>
        {
            using var response = await host.PostWebhookAsync("/api/graph/notifications", body);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        });

        await host.SettledAsync();
        Assert.Equal(0, await host.CountAsync("work_items"));
        var reads = Reads(host) - readsBefore;
        // At most one more read per run that saw new requests: about 20-30 here, bounded well below one per notification.
        Assert.InRange(reads, 1, 100);
        Assert.Equal("2026-11-23T10:00:00+01:00", (string?)(await host.StatusAsync(Kim))["returnsAt"]);
    }

    private static long Reads(CalendarTestHost host) =>
        host.Graph.Stats.RequestsByKind.Where(k => k.Key is "calendarViewDelta" or "calendarView" or "event").Sum(k => k.Value);
}
