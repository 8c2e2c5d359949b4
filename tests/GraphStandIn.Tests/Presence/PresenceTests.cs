using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace PresenceBot.GraphStandIn.Tests.Presence;

/// <summary>Graph's presence and setStatusMessage over HTTP, and the dev API's view of who wrote what.</summary>
public sealed class PresenceTests
{
    private static object StatusMessage(string content, string? until = "2026-11-23T15:00:00") => new
    {
        statusMessage = new
        {
            message = new { content, contentType = "text" },
            expiryDateTime = until is null ? null : new { dateTime = until, timeZone = "W. Europe Standard Time" },
        },
    };

    private static async Task<StandIn> StartAtAsync(FakeTimeProvider time) =>
        await StandIn.StartAsync(new GraphStandInOptions { TimeProvider = time });

    private static async Task SetAsync(StandIn standIn, object body)
    {
        using var response = await standIn.Http.PostAsJsonAsync("users/anna/presence/setStatusMessage", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Presence_WithoutMessage_HasGraphsShapeAndNullStatusMessage()
    {
        await using var standIn = await StandIn.StartAsync();

        var presence = await standIn.GetJsonAsync("users/anna/presence");

        Assert.EndsWith("/$metadata#users('anna')/presence/$entity", presence["@odata.context"]!.GetValue<string>());
        Assert.Equal("anna", presence["id"]!.GetValue<string>());
        Assert.Equal("Available", presence["availability"]!.GetValue<string>());
        Assert.Equal("Available", presence["activity"]!.GetValue<string>());
        Assert.True(presence.ContainsKey("statusMessage"));
        Assert.Null(presence["statusMessage"]);
    }

    [Fact]
    public async Task SetStatusMessage_ReadsBack_UntilItExpiresByTheStandInsClock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        await using var standIn = await StartAtAsync(time);

        await SetAsync(standIn, StatusMessage("Är på sammanträde och återkommer klockan 15.00"));
        var set = (await standIn.GetJsonAsync("users/anna/presence"))["statusMessage"]!;
        time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 13, 59, 59, TimeSpan.Zero));
        var justBefore = (await standIn.GetJsonAsync("users/anna/presence"))["statusMessage"];
        time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero));
        var expired = (await standIn.GetJsonAsync("users/anna/presence"))["statusMessage"];

        Assert.Equal("Är på sammanträde och återkommer klockan 15.00", set["message"]!["content"]!.GetValue<string>());
        Assert.Equal("text", set["message"]!["contentType"]!.GetValue<string>());
        Assert.Equal("2026-11-23T15:00:00", set["expiryDateTime"]!["dateTime"]!.GetValue<string>());
        Assert.Equal("W. Europe Standard Time", set["expiryDateTime"]!["timeZone"]!.GetValue<string>());
        Assert.Equal("2026-11-23T08:00:00.0000000Z", set["publishedDateTime"]!.GetValue<string>());
        Assert.NotNull(justBefore);
        Assert.Null(expired);
    }

    [Fact]
    public async Task SetStatusMessage_ReplacesTheLast_AndEmptyContentClears()
    {
        await using var standIn = await StandIn.StartAsync();

        await SetAsync(standIn, StatusMessage("Är på sammanträde", until: null));
        await SetAsync(standIn, StatusMessage("Har semester", until: null));
        var replaced = (await standIn.GetJsonAsync("users/anna/presence"))["statusMessage"]!;
        await SetAsync(standIn, StatusMessage("", until: null));
        var cleared = (await standIn.GetJsonAsync("users/anna/presence"))["statusMessage"];

        Assert.Equal("Har semester", replaced["message"]!["content"]!.GetValue<string>());
        Assert.Null(cleared);
        Assert.Equal(["Är på sammanträde", "Har semester", ""], standIn.Server.Presence.History("anna").Select(m => m.Content));
    }

    [Fact]
    public async Task DevStatusMessage_IsThePersonsOwn_HistoryTellsWhoSetEach()
    {
        await using var standIn = await StandIn.StartAsync();

        using var own = await standIn.DevAsync(HttpMethod.Post, "users/anna/presence/statusMessage", StatusMessage("Jobbar hemifrån idag", until: null));
        var shown = (await standIn.GetJsonAsync("users/anna/presence"))["statusMessage"]!;
        await SetAsync(standIn, StatusMessage("Är på sammanträde"));
        using var history = await standIn.DevAsync(HttpMethod.Get, "users/anna/presence/history");

        Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
        Assert.Equal("Jobbar hemifrån idag", shown["message"]!["content"]!.GetValue<string>());
        Assert.False(shown.AsObject().ContainsKey("setBy"));
        var entries = JsonNode.Parse(await history.Content.ReadAsStringAsync())!["value"]!.AsArray();
        Assert.Equal(["user", "application"], entries.Select(e => e!["setBy"]!.GetValue<string>()));
        Assert.Equal(["Jobbar hemifrån idag", "Är på sammanträde"], entries.Select(e => e!["content"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SetStatusMessage_WithoutStatusMessageOrWithUnknownZone_Answers400()
    {
        await using var standIn = await StandIn.StartAsync();

        using var empty = await standIn.Http.PostAsJsonAsync("users/anna/presence/setStatusMessage", new { });
        using var badZone = await standIn.Http.PostAsJsonAsync("users/anna/presence/setStatusMessage", new
        {
            statusMessage = new { message = new { content = "x", contentType = "text" }, expiryDateTime = new { dateTime = "2026-11-23T15:00:00", timeZone = "Mars/Olympus" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badZone.StatusCode);
        Assert.Empty(standIn.Server.Presence.History("anna"));
    }

    [Fact]
    public async Task Presence_InsideBatch_SetAndRead()
    {
        await using var standIn = await StandIn.StartAsync();

        using var set = await standIn.Http.PostAsJsonAsync("$batch", new
        {
            requests = new object[]
            {
                new { id = "1", method = "POST", url = "/users/anna/presence/setStatusMessage", body = StatusMessage("Är på utbildning", until: "2099-01-01T00:00:00"), headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" } },
            },
        });
        using var read = await standIn.Http.PostAsJsonAsync("$batch", new { requests = new object[] { new { id = "2", method = "GET", url = "/users/anna/presence" } } });

        var setResponse = (await set.Content.ReadFromJsonAsync<JsonObject>())!["responses"]![0]!;
        var readResponse = (await read.Content.ReadFromJsonAsync<JsonObject>())!["responses"]![0]!;
        Assert.Equal(200, setResponse["status"]!.GetValue<int>());
        Assert.Equal(200, readResponse["status"]!.GetValue<int>());
        Assert.Equal("Är på utbildning", readResponse["body"]!["statusMessage"]!["message"]!["content"]!.GetValue<string>());
    }
}
