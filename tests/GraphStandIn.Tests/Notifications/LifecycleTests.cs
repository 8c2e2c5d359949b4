using System.Net;

namespace PresenceBot.GraphStandIn.Tests.Notifications;

public sealed class LifecycleTests
{
    [Theory]
    [InlineData("reauthorizationRequired", true)]
    [InlineData("missed", true)]
    [InlineData("subscriptionRemoved", false)]
    public async Task DevApi_PostsLifecycleEventToLifecycleUrl(string lifecycleEvent, bool subscriptionRemains)
    {
        await using var standIn = await StandIn.StartAsync();
        var id = await standIn.SubscribeAsync("anna");

        using var response = await standIn.DevAsync(HttpMethod.Post, $"subscriptions/{id}/lifecycle/{lifecycleEvent}");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await WebhookReceiver.WaitUntilAsync(() => standIn.Receiver.Lifecycle.Count == 1, "the lifecycle event");
        var item = Assert.Single(standIn.Receiver.Lifecycle);
        Assert.Equal(id, item["subscriptionId"]!.GetValue<string>());
        Assert.Equal(lifecycleEvent, item["lifecycleEvent"]!.GetValue<string>());
        Assert.Equal("secret-state", item["clientState"]!.GetValue<string>());
        Assert.NotNull(item["subscriptionExpirationDateTime"]);
        Assert.True(Guid.TryParse(item["tenantId"]!.GetValue<string>(), out _));
        Assert.True(Guid.TryParse(item["organizationId"]!.GetValue<string>(), out _));
        Assert.Empty(standIn.Receiver.Notifications);
        Assert.Equal(subscriptionRemains, standIn.Server.Subscriptions.Count == 1);
    }

    [Fact]
    public async Task DevApi_UnknownSubscriptionOrEvent_AreRejected()
    {
        await using var standIn = await StandIn.StartAsync();
        var id = await standIn.SubscribeAsync("anna");

        using var unknownSubscription = await standIn.DevAsync(HttpMethod.Post, $"subscriptions/{Guid.NewGuid()}/lifecycle/missed");
        using var unknownEvent = await standIn.DevAsync(HttpMethod.Post, $"subscriptions/{id}/lifecycle/exploded");

        Assert.Equal(HttpStatusCode.NotFound, unknownSubscription.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownEvent.StatusCode);
    }
}
