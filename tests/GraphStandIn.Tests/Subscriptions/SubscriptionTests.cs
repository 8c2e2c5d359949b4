using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace PresenceBot.GraphStandIn.Tests.Subscriptions;

public sealed class SubscriptionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static async Task<HttpResponseMessage> PostAsync(StandIn standIn, DateTimeOffset expiration, string? lifecycleUrl = null) =>
        await standIn.Http.PostAsJsonAsync("subscriptions", new
        {
            changeType = "created,updated,deleted",
            notificationUrl = standIn.Receiver.NotificationUrl,
            lifecycleNotificationUrl = lifecycleUrl ?? standIn.Receiver.LifecycleUrl,
            resource = "/users/anna/events",
            expirationDateTime = expiration,
            clientState = "s3cret",
        });

    [Fact]
    public async Task Create_ValidatesBothUrlsAndAnswersGraphsSubscriptionShape()
    {
        var clock = new FakeTimeProvider(Now);
        await using var standIn = await StandIn.StartAsync(new GraphStandInOptions { TimeProvider = clock });

        using var response = await PostAsync(standIn, Now.AddMinutes(4230));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(Guid.TryParse(body["id"]!.GetValue<string>(), out _));
        Assert.Equal("/users/anna/events", body["resource"]!.GetValue<string>());
        Assert.Equal("created,updated,deleted", body["changeType"]!.GetValue<string>());
        Assert.Equal("s3cret", body["clientState"]!.GetValue<string>());
        Assert.Equal(standIn.Receiver.NotificationUrl, body["notificationUrl"]!.GetValue<string>());
        Assert.Equal(standIn.Receiver.LifecycleUrl, body["lifecycleNotificationUrl"]!.GetValue<string>());
        Assert.Equal(Now.AddMinutes(4230), DateTimeOffset.Parse(body["expirationDateTime"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("v1_2", body["latestSupportedTlsVersion"]!.GetValue<string>());
        Assert.NotNull(body["applicationId"]);
        Assert.NotNull(body["creatorId"]);
        Assert.EndsWith("$metadata#subscriptions/$entity", body["@odata.context"]!.GetValue<string>());

        // Both URLs were validated, each with a token that needs URL-decoding (spaces, colons).
        Assert.Equal(2, standIn.Receiver.ValidationTokens.Count);
        Assert.All(standIn.Receiver.ValidationTokens, t => Assert.StartsWith("Validation: Testing client application reachability", t));
    }

    [Fact]
    public async Task Create_WrongTokenEchoed_Answers400ValidationFailed()
    {
        await using var standIn = await StandIn.StartAsync();
        standIn.Receiver.EchoWrongToken = true;

        using var response = await PostAsync(standIn, TimeProvider.System.GetUtcNow().AddHours(1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!;
        Assert.Equal("InvalidRequest", error["code"]!.GetValue<string>());
        Assert.StartsWith("Subscription validation request failed", error["message"]!.GetValue<string>());
        Assert.Empty(standIn.Server.Subscriptions);
    }

    [Fact]
    public async Task Create_UnreachableLifecycleUrl_Answers400()
    {
        await using var standIn = await StandIn.StartAsync();

        using var response = await PostAsync(standIn, TimeProvider.System.GetUtcNow().AddHours(1), "http://127.0.0.1:1/lifecycle");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(4231)]
    [InlineData(-1)]
    public async Task Create_ExpirationBeyondLimitOrPast_Answers400(int minutes)
    {
        var clock = new FakeTimeProvider(Now);
        await using var standIn = await StandIn.StartAsync(new GraphStandInOptions { TimeProvider = clock });

        using var response = await PostAsync(standIn, Now.AddMinutes(minutes));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(standIn.Receiver.ValidationTokens);
    }

    [Fact]
    public async Task RenewGetDelete_AndUnknownIdAnswers404ResourceNotFound()
    {
        var clock = new FakeTimeProvider(Now);
        await using var standIn = await StandIn.StartAsync(new GraphStandInOptions { TimeProvider = clock });
        using var created = await PostAsync(standIn, Now.AddHours(1));
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        using var renewed = await standIn.Http.PatchAsJsonAsync($"subscriptions/{id}", new { expirationDateTime = Now.AddMinutes(4000) });
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.Equal(Now.AddMinutes(4000), standIn.Server.Subscriptions.Single().ExpirationDateTime);

        using var tooFar = await standIn.Http.PatchAsJsonAsync($"subscriptions/{id}", new { expirationDateTime = Now.AddMinutes(5000) });
        Assert.Equal(HttpStatusCode.BadRequest, tooFar.StatusCode);

        var list = await standIn.GetJsonAsync("subscriptions");
        Assert.Single(list["value"]!.AsArray());
        var one = await standIn.GetJsonAsync($"subscriptions/{id}");
        Assert.Equal(id, one["id"]!.GetValue<string>());

        using var deleted = await standIn.Http.DeleteAsync($"subscriptions/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var again = await standIn.Http.DeleteAsync($"subscriptions/{id}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        using var renewGone = await standIn.Http.PatchAsJsonAsync($"subscriptions/{id}", new { expirationDateTime = Now.AddHours(2) });
        Assert.Equal(HttpStatusCode.NotFound, renewGone.StatusCode);
        var error = (await renewGone.Content.ReadFromJsonAsync<JsonObject>())!["error"]!;
        Assert.Equal("ResourceNotFound", error["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Subscription_PastItsExpiration_IsGone()
    {
        var clock = new FakeTimeProvider(Now);
        await using var standIn = await StandIn.StartAsync(new GraphStandInOptions { TimeProvider = clock });
        using var created = await PostAsync(standIn, Now.AddHours(1));
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        clock.Advance(TimeSpan.FromMinutes(61));

        using var response = await standIn.Http.GetAsync($"subscriptions/{id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
