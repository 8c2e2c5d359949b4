using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PresenceBot.GraphStandIn.Tests.Batching;

public sealed class BatchTests
{
    [Fact]
    public async Task Batch_DispatchesEachRequestAndAnswersByIdWithStatusHeadersAndBody()
    {
        await using var standIn = await StandIn.StartAsync();
        var e = await standIn.Server.Calendars.CreateEventAsync("anna", Drafts.Meeting("2026-11-23T09:00:00", "2026-11-23T10:00:00"), CancellationToken.None);

        using var response = await standIn.Http.PostAsJsonAsync("$batch", new
        {
            requests = new object[]
            {
                new { id = "1", method = "GET", url = $"/users/anna/events/{e.Id}", headers = new Dictionary<string, string> { ["Prefer"] = "outlook.timezone=\"Europe/Stockholm\"" } },
                new { id = "2", method = "GET", url = "/users/anna/calendarView?startDateTime=2026-11-23T00:00:00Z&endDateTime=2026-11-24T00:00:00Z" },
                new { id = "3", method = "GET", url = "/users/anna/events/missing" },
            },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var responses = (await response.Content.ReadFromJsonAsync<JsonObject>())!["responses"]!.AsArray().ToDictionary(r => r!["id"]!.GetValue<string>());
        Assert.Equal(200, responses["1"]!["status"]!.GetValue<int>());
        Assert.Equal("2026-11-23T09:00:00.0000000", responses["1"]!["body"]!["start"]!["dateTime"]!.GetValue<string>());
        Assert.StartsWith("application/json", responses["1"]!["headers"]!["Content-Type"]!.GetValue<string>());
        Assert.Single(responses["2"]!["body"]!["value"]!.AsArray());
        Assert.Equal(404, responses["3"]!["status"]!.GetValue<int>());
        Assert.Equal("ErrorItemNotFound", responses["3"]!["body"]!["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Batch_MoreThanTwentyRequests_Answers400()
    {
        await using var standIn = await StandIn.StartAsync();

        using var response = await standIn.Http.PostAsJsonAsync("$batch", new
        {
            requests = Enumerable.Range(1, 21).Select(i => new { id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), method = "GET", url = "/users/anna" }),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
