using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PresenceBot.GraphStandIn.Tests.Faults;

public sealed class FaultTests
{
    [Fact]
    public async Task Fault429_WithRetryAfter_ForCountMatchingRequestsThenNormal()
    {
        await using var standIn = await StandIn.StartAsync();
        using var armed = await standIn.DevAsync(HttpMethod.Post, "faults", new { status = 429, retryAfterSeconds = 7, count = 2, pathPrefix = "/users/anna/calendarView" });
        Assert.Equal(HttpStatusCode.NoContent, armed.StatusCode);
        const string View = "users/anna/calendarView?startDateTime=2026-11-23T00:00:00Z&endDateTime=2026-11-24T00:00:00Z";

        using var other = await standIn.Http.GetAsync("users/anna");
        using var first = await standIn.Http.GetAsync(View);
        using var second = await standIn.Http.GetAsync(View);
        using var third = await standIn.Http.GetAsync(View);

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), first.Headers.RetryAfter!.Delta);
        Assert.Equal("TooManyRequests", JsonNode.Parse(await first.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(2, standIn.Server.Stats.FaultsInjected);
    }

    [Fact]
    public async Task Fault403And404_CarryGraphsCodes_OrTheCodeTheRuleNames()
    {
        await using var standIn = await StandIn.StartAsync();
        await standIn.DevAsync(HttpMethod.Post, "faults", new { status = 403, pathPrefix = "/users/anna/mailFolders" });
        await standIn.DevAsync(HttpMethod.Post, "faults", new
        {
            status = 404, pathPrefix = "/users/bertil/mailFolders", code = "MailboxNotEnabledForRESTAPI",
            message = "The mailbox is either inactive, soft-deleted, or is hosted on-premise.",
        });

        using var denied = await standIn.Http.GetAsync("users/anna/mailFolders/inbox/messages");
        using var noMailbox = await standIn.Http.GetAsync("users/bertil/mailFolders/inbox/messages");

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("ErrorAccessDenied", JsonNode.Parse(await denied.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, noMailbox.StatusCode);
        var error = JsonNode.Parse(await noMailbox.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("MailboxNotEnabledForRESTAPI", error["code"]!.GetValue<string>());
        Assert.StartsWith("The mailbox is either inactive", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fault503_AndClearDisarms()
    {
        await using var standIn = await StandIn.StartAsync();
        await standIn.DevAsync(HttpMethod.Post, "faults", new { status = 503, count = 5 });

        using var failed = await standIn.Http.GetAsync("users/anna");
        using var cleared = await standIn.DevAsync(HttpMethod.Delete, "faults");
        using var ok = await standIn.Http.GetAsync("users/anna");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task SlowAnswer_DelaysButSucceeds()
    {
        await using var standIn = await StandIn.StartAsync();
        standIn.Server.Faults.Add(new GraphStandIn.Faults.FaultRule { DelayMs = 300, Count = 1, PathPrefix = "/v1.0/users" });

        var watch = Stopwatch.StartNew();
        using var response = await standIn.Http.GetAsync("users/anna");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(280), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task FaultInsideBatch_ShowsAsThatRequestsStatus()
    {
        await using var standIn = await StandIn.StartAsync();
        standIn.Server.Faults.Add(new GraphStandIn.Faults.FaultRule { Status = 429, RetryAfterSeconds = 3, Count = 1, PathPrefix = "/users/bertil" });

        using var response = await standIn.Http.PostAsJsonAsync("$batch", new
        {
            requests = new[]
            {
                new { id = "a", method = "GET", url = "/users/anna" },
                new { id = "b", method = "GET", url = "/users/bertil" },
            },
        });

        var responses = (await response.Content.ReadFromJsonAsync<JsonObject>())!["responses"]!.AsArray().ToDictionary(r => r!["id"]!.GetValue<string>());
        Assert.Equal(200, responses["a"]!["status"]!.GetValue<int>());
        Assert.Equal(429, responses["b"]!["status"]!.GetValue<int>());
        Assert.Equal("3", responses["b"]!["headers"]!["Retry-After"]!.GetValue<string>());
    }

    [Fact]
    public async Task Stats_CountRequestsByKind()
    {
        await using var standIn = await StandIn.StartAsync();
        await standIn.Http.GetAsync("users/anna");
        await standIn.Http.GetAsync("users/anna/calendarView?startDateTime=2026-11-23T00:00:00Z&endDateTime=2026-11-24T00:00:00Z");

        var stats = await standIn.GetJsonAsync(new Uri(standIn.Server.DevUrl, "stats").ToString());

        Assert.Equal(1, stats["requestsByKind"]!["user"]!.GetValue<long>());
        Assert.Equal(1, stats["requestsByKind"]!["calendarView"]!.GetValue<long>());
        Assert.Equal(0, stats["notificationsInFlight"]!.GetValue<long>());
    }
}
