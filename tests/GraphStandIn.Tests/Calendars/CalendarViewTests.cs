using System.Net;
using System.Text.Json.Nodes;
using PresenceBot.GraphStandIn.Calendars;

namespace PresenceBot.GraphStandIn.Tests.Calendars;

public sealed class CalendarViewTests
{
    private static string View(string user, string start, string end, string extra = "") =>
        $"users/{user}/calendarView?startDateTime={start}&endDateTime={end}{extra}";

    private static async Task<List<JsonObject>> AllPagesAsync(StandIn standIn, string url, string? prefer = null)
    {
        var items = new List<JsonObject>();
        string? next = url;
        while (next is not null)
        {
            var page = await standIn.GetJsonAsync(next, prefer);
            items.AddRange(page["value"]!.AsArray().Select(v => v!.AsObject()));
            next = page["@odata.nextLink"]?.GetValue<string>();
            if (next is not null)
            {
                Assert.StartsWith(standIn.Server.BaseUrl.ToString(), next); // absolute, like Graph
            }
        }

        return items;
    }

    [Fact]
    public async Task CalendarView_ReturnsOnlyEventsOverlappingTheWindow()
    {
        await using var standIn = await StandIn.StartAsync();
        var calendars = standIn.Server.Calendars;
        await calendars.CreateEventAsync("anna", Drafts.Meeting("2026-11-23T08:00:00", "2026-11-23T09:00:00", "UTC", "before"), CancellationToken.None);
        await calendars.CreateEventAsync("anna", Drafts.Meeting("2026-11-23T09:30:00", "2026-11-23T10:30:00", "UTC", "straddles"), CancellationToken.None);
        await calendars.CreateEventAsync("anna", Drafts.Meeting("2026-11-23T11:00:00", "2026-11-23T12:00:00", "UTC", "inside"), CancellationToken.None);
        await calendars.CreateEventAsync("anna", Drafts.Meeting("2026-11-23T13:00:00", "2026-11-23T14:00:00", "UTC", "after"), CancellationToken.None);
        await calendars.CreateEventAsync("bertil", Drafts.Meeting("2026-11-23T11:00:00", "2026-11-23T12:00:00", "UTC", "other person"), CancellationToken.None);

        var page = await standIn.GetJsonAsync(View("anna", "2026-11-23T10:00:00Z", "2026-11-23T13:00:00Z"));

        Assert.Equal(["straddles", "inside"], page["value"]!.AsArray().Select(v => v!["subject"]!.GetValue<string>()));
        Assert.EndsWith("$metadata#users('anna')/calendarView", page["@odata.context"]!.GetValue<string>());
        Assert.Null(page["@odata.nextLink"]);
    }

    [Fact]
    public async Task CalendarView_WithoutWindow_Answers400ErrorInvalidParameter()
    {
        await using var standIn = await StandIn.StartAsync();

        using var response = await standIn.Http.GetAsync("users/anna/calendarView");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("ErrorInvalidParameter", error["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null, null, 10)]
    [InlineData("$top=7", null, 7)]
    [InlineData(null, "odata.maxpagesize=4", 4)]
    public async Task CalendarView_PagesWithAbsoluteNextLinks(string? top, string? prefer, int pageSize)
    {
        await using var standIn = await StandIn.StartAsync();
        for (var day = 1; day <= 25; day++)
        {
            await standIn.Server.Calendars.CreateEventAsync(
                "anna", Drafts.Meeting($"2026-12-{day:00}T09:00:00", $"2026-12-{day:00}T10:00:00"), CancellationToken.None);
        }

        var url = View("anna", "2026-12-01T00:00:00Z", "2026-12-31T00:00:00Z", top is null ? "" : "&" + top);
        var first = await standIn.GetJsonAsync(url, prefer);
        var all = await AllPagesAsync(standIn, url, prefer);

        Assert.Equal(pageSize, first["value"]!.AsArray().Count);
        Assert.Equal(25, all.Count);
        Assert.Equal(25, all.Select(e => e["id"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task WeeklySeries_ExpandsIntoOccurrencesWithinRangeAndWindow()
    {
        await using var standIn = await StandIn.StartAsync();
        var draft = Drafts.Meeting("2026-11-02T09:00:00", "2026-11-02T10:00:00", "Europe/Stockholm") with
        {
            Recurrence = new PatternedRecurrence(
                new RecurrencePattern { Type = "weekly", Interval = 1, DaysOfWeek = ["monday", "wednesday"], FirstDayOfWeek = "monday" },
                new RecurrenceRange { Type = "endDate", StartDate = "2026-11-02", EndDate = "2026-11-25" }),
        };
        var master = await standIn.Server.Calendars.CreateEventAsync("anna", draft, CancellationToken.None);

        var items = await AllPagesAsync(standIn, View("anna", "2026-11-09T00:00:00Z", "2026-12-31T00:00:00Z"));

        // Mon 9, Wed 11, Mon 16, Wed 18, Mon 23, Wed 25 (endDate is inclusive); 09:00 Stockholm = 08:00 UTC.
        Assert.Equal(
            ["2026-11-09", "2026-11-11", "2026-11-16", "2026-11-18", "2026-11-23", "2026-11-25"],
            items.Select(i => i["start"]!["dateTime"]!.GetValue<string>()[..10]));
        Assert.All(items, i =>
        {
            Assert.Equal("occurrence", i["type"]!.GetValue<string>());
            Assert.Equal(master.Id, i["seriesMasterId"]!.GetValue<string>());
            Assert.EndsWith("T08:00:00.0000000", i["start"]!["dateTime"]!.GetValue<string>());
            Assert.Null(i["recurrence"]);
        });

        // An occurrence can be read by its id; the master reads as seriesMaster with its recurrence.
        var occurrence = await standIn.GetJsonAsync($"users/anna/events/{items[0]["id"]!.GetValue<string>()}");
        Assert.Equal("occurrence", occurrence["type"]!.GetValue<string>());
        var read = await standIn.GetJsonAsync($"users/anna/events/{master.Id}");
        Assert.Equal("seriesMaster", read["type"]!.GetValue<string>());
        Assert.Equal("weekly", read["recurrence"]!["pattern"]!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("numbered", 3, 3)]
    [InlineData("noEnd", 0, 10)]
    public async Task DailySeries_NumberedStopsAndNoEndIsBoundedByWindow(string rangeType, int count, int expected)
    {
        await using var standIn = await StandIn.StartAsync();
        var draft = Drafts.Meeting("2026-11-01T12:00:00", "2026-11-01T12:30:00", "UTC") with
        {
            Recurrence = new PatternedRecurrence(
                new RecurrencePattern { Type = "daily", Interval = 2 },
                new RecurrenceRange { Type = rangeType, StartDate = "2026-11-01", NumberOfOccurrences = count }),
        };
        await standIn.Server.Calendars.CreateEventAsync("anna", draft, CancellationToken.None);

        var items = await AllPagesAsync(standIn, View("anna", "2026-11-01T00:00:00Z", "2026-11-21T00:00:00Z"));

        Assert.Equal(expected, items.Count);
        Assert.Equal("2026-11-03T12:00:00.0000000", items[1]["start"]!["dateTime"]!.GetValue<string>());
    }

    [Fact]
    public async Task MissingOrDeletedEvent_Answers404ErrorItemNotFound()
    {
        await using var standIn = await StandIn.StartAsync();
        var e = await standIn.Server.Calendars.CreateEventAsync("anna", Drafts.Meeting("2026-11-23T09:00:00", "2026-11-23T10:00:00"), CancellationToken.None);
        await standIn.Server.Calendars.DeleteEventAsync("anna", e.Id, CancellationToken.None);

        using var deleted = await standIn.Http.GetAsync($"users/anna/events/{e.Id}");
        using var missing = await standIn.Http.GetAsync("users/anna/events/nope");

        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("ErrorItemNotFound", JsonNode.Parse(await missing.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
    }
}
