using System.Net;
using System.Text.Json.Nodes;
using PresenceBot.GraphStandIn.Calendars;

namespace PresenceBot.GraphStandIn.Tests.Notifications;

public sealed class ChangeNotificationTests
{
    private static readonly object Booking = new
    {
        subject = "SAM: Budgetberedning",
        start = new { dateTime = "2026-11-23T09:00:00", timeZone = "W. Europe Standard Time" },
        end = new { dateTime = "2026-11-23T10:00:00", timeZone = "W. Europe Standard Time" },
        showAs = "busy",
    };

    [Fact]
    public async Task CreateUpdateDelete_ViaDevApi_PostGraphsNotificationShape()
    {
        await using var standIn = await StandIn.StartAsync();
        var subscriptionId = await standIn.SubscribeAsync("anna");

        using var created = await standIn.DevAsync(HttpMethod.Post, "users/anna/events", Booking);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var eventId = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        using var patched = await standIn.DevAsync(HttpMethod.Patch, $"users/anna/events/{eventId}", new { showAs = "oof" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        using var deleted = await standIn.DevAsync(HttpMethod.Delete, $"users/anna/events/{eventId}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        // created is followed by an updated, like Graph; then the PATCH's updated and the delete.
        await WebhookReceiver.WaitUntilAsync(() => standIn.Receiver.Notifications.Count >= 4, "four notifications");
        var items = standIn.Receiver.Notifications.ToList();
        Assert.Equal(["created", "deleted", "updated", "updated"], items.Select(i => i["changeType"]!.GetValue<string>()).Order());
        foreach (var item in items)
        {
            Assert.Equal(subscriptionId, item["subscriptionId"]!.GetValue<string>());
            Assert.True(DateTimeOffset.TryParse(item["subscriptionExpirationDateTime"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _));
            Assert.Equal($"Users/anna/Events/{eventId}", item["resource"]!.GetValue<string>());
            Assert.Equal("secret-state", item["clientState"]!.GetValue<string>());
            Assert.True(Guid.TryParse(item["tenantId"]!.GetValue<string>(), out _));
            var data = item["resourceData"]!;
            Assert.Equal("#Microsoft.Graph.Event", data["@odata.type"]!.GetValue<string>());
            Assert.Equal($"Users/anna/Events/{eventId}", data["@odata.id"]!.GetValue<string>());
            Assert.StartsWith("W/\"", data["@odata.etag"]!.GetValue<string>());
            Assert.Equal(eventId, data["id"]!.GetValue<string>());
        }

        await standIn.Server.WhenNotificationsSettledAsync(CancellationToken.None);
        var stats = standIn.Server.Stats;
        Assert.Equal(4, stats.NotificationsAcknowledged);
        Assert.Equal(0, stats.NotificationsInFlight);
    }

    [Fact]
    public async Task CreateUpdateDelete_ThroughGraphsOwnEventWrites_NotifyLikeBookings()
    {
        await using var standIn = await StandIn.StartAsync(new GraphStandInOptions { FollowCreatedWithUpdated = false });
        var subscriptionId = await standIn.SubscribeAsync("anna");

        using var created = await standIn.Http.PostAsync("users/anna/events", System.Net.Http.Json.JsonContent.Create(Booking));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var eventId = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        await WebhookReceiver.WaitUntilAsync(() => standIn.Receiver.Notifications.Count >= 1, "the created notification");
        using var patched = await standIn.Http.PatchAsync($"users/anna/events/{eventId}", System.Net.Http.Json.JsonContent.Create(new { subject = "DIS; Distans" }));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        await WebhookReceiver.WaitUntilAsync(() => standIn.Receiver.Notifications.Count >= 2, "the updated notification");
        using var deleted = await standIn.Http.DeleteAsync($"users/anna/events/{eventId}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await WebhookReceiver.WaitUntilAsync(() => standIn.Receiver.Notifications.Count >= 3, "the deleted notification");

        var items = standIn.Receiver.Notifications.ToList();
        Assert.Equal(["created", "updated", "deleted"], items.Select(i => i["changeType"]!.GetValue<string>()));
        Assert.All(items, item =>
        {
            Assert.Equal(subscriptionId, item["subscriptionId"]!.GetValue<string>());
            Assert.Equal($"Users/anna/Events/{eventId}", item["resource"]!.GetValue<string>());
            Assert.Equal(eventId, item["resourceData"]!["id"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task Subscription_ForAnotherUserOrChangeType_IsNotNotified()
    {
        await using var standIn = await StandIn.StartAsync();
        await standIn.SubscribeAsync("bertil");
        await standIn.SubscribeAsync("anna", changeType: "deleted");

        await standIn.Server.Calendars.CreateEventAsync("anna", Drafts.Meeting("2026-11-23T09:00:00", "2026-11-23T10:00:00"), CancellationToken.None);

        await standIn.Server.WhenNotificationsSettledAsync(CancellationToken.None);
        Assert.Empty(standIn.Receiver.Notifications);
    }

    [Fact]
    public async Task Resource_WithoutLeadingSlashAndOtherCase_Matches()
    {
        await using var standIn = await StandIn.StartAsync(new GraphStandInOptions { FollowCreatedWithUpdated = false });
        using var response = await standIn.Http.PostAsync("subscriptions", System.Net.Http.Json.JsonContent.Create(new
        {
            changeType = "created",
            notificationUrl = standIn.Receiver.NotificationUrl,
            resource = "Users/ANNA/Events",
            expirationDateTime = TimeProvider.System.GetUtcNow().AddHours(1),
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        await standIn.Server.Calendars.CreateEventAsync("anna", Drafts.Meeting("2026-11-23T09:00:00", "2026-11-23T10:00:00"), CancellationToken.None);

        await WebhookReceiver.WaitUntilAsync(() => standIn.Receiver.Notifications.Count == 1, "one notification");
    }

    [Fact]
    public async Task SeededRandomness_DuplicatesReordersAndBatches()
    {
        var options = new GraphStandInOptions
        {
            RandomSeed = 42,
            DuplicateProbability = 0.5,
            MaxExtraDelay = TimeSpan.FromMilliseconds(300),
            BatchProbability = 0.5,
            FollowCreatedWithUpdated = false,
        };
        await using var standIn = await StandIn.StartAsync(options);
        await standIn.SubscribeAsync("anna", changeType: "created");

        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var e = await standIn.Server.Calendars.CreateEventAsync(
                "anna", Drafts.Meeting($"2026-11-{10 + i}T09:00:00", $"2026-11-{10 + i}T10:00:00"), CancellationToken.None);
            ids.Add(e.Id);
        }

        await standIn.Server.WhenNotificationsSettledAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        var received = standIn.Receiver.Notifications.Select(n => n["resourceData"]!["id"]!.GetValue<string>()).ToList();

        Assert.Equal(ids.ToHashSet(), received.ToHashSet());              // at least once
        Assert.True(received.Count > ids.Count, "some were duplicated");
        Assert.NotEqual(ids, received.Distinct().ToList());                // not in order
        Assert.Contains(standIn.Receiver.PostSizes, size => size > 1);     // some shared a POST
        Assert.Equal(received.Count, standIn.Server.Stats.NotificationsAcknowledged);
    }

    [Fact]
    public async Task ReceiverAnswering500_IsRetriedUntilAcknowledged()
    {
        var options = new GraphStandInOptions { FollowCreatedWithUpdated = false, RetryBaseDelay = TimeSpan.FromMilliseconds(10) };
        await using var standIn = await StandIn.StartAsync(options);
        await standIn.SubscribeAsync("anna");
        standIn.Receiver.FailNext(2);

        await standIn.Server.Calendars.CreateEventAsync("anna", Drafts.Meeting("2026-11-23T09:00:00", "2026-11-23T10:00:00"), CancellationToken.None);

        await WebhookReceiver.WaitUntilAsync(() => standIn.Receiver.Notifications.Count == 1, "the retried notification");
        await standIn.Server.WhenNotificationsSettledAsync(CancellationToken.None);
        var stats = standIn.Server.Stats;
        Assert.Equal(2, stats.NotificationsRetried);
        Assert.Equal(3, stats.NotificationPosts);
        Assert.Equal(1, stats.NotificationsAcknowledged);
    }

    [Fact]
    public async Task ReceiverFailingEveryAttempt_IsGivenUpAndRecorded()
    {
        var options = new GraphStandInOptions
        {
            FollowCreatedWithUpdated = false,
            MaxDeliveryAttempts = 3,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        };
        await using var standIn = await StandIn.StartAsync(options);
        await standIn.SubscribeAsync("anna");
        standIn.Receiver.FailNext(100);

        await standIn.Server.Calendars.CreateEventAsync("anna", Drafts.Meeting("2026-11-23T09:00:00", "2026-11-23T10:00:00"), CancellationToken.None);

        await standIn.Server.WhenNotificationsSettledAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        var stats = standIn.Server.Stats;
        Assert.Equal(1, stats.NotificationsFailed);
        Assert.Equal(3, stats.NotificationPosts);
        Assert.Contains("HTTP 500", Assert.Single(stats.RecentFailures));
    }
}
