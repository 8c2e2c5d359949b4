using System.Net;
using System.Text.Json.Nodes;

namespace PresenceBot.GraphStandIn.Tests.Calendars;

public sealed class DeltaTests
{
    private const string Delta = "users/anna/calendarView/delta()?startDateTime=2026-11-01T00:00:00Z&endDateTime=2026-12-01T00:00:00Z";

    /// <summary>Follows nextLinks to the deltaLink; returns the items and the deltaLink.</summary>
    private static async Task<(List<JsonObject> Items, string DeltaLink)> RoundAsync(StandIn standIn, string url)
    {
        var items = new List<JsonObject>();
        while (true)
        {
            var page = await standIn.GetJsonAsync(url, "odata.maxpagesize=2");
            items.AddRange(page["value"]!.AsArray().Select(v => v!.AsObject()));
            if (page["@odata.deltaLink"] is { } deltaLink)
            {
                Assert.Null(page["@odata.nextLink"]);
                return (items, deltaLink.GetValue<string>());
            }

            url = page["@odata.nextLink"]!.GetValue<string>();
        }
    }

    [Fact]
    public async Task Delta_InitialThenOnlyChangesWithRemoved()
    {
        await using var standIn = await StandIn.StartAsync();
        var calendars = standIn.Server.Calendars;
        var kept = await calendars.CreateEventAsync("anna", Drafts.Meeting("2026-11-02T09:00:00", "2026-11-02T10:00:00", "UTC", "kept"), CancellationToken.None);
        var moved = await calendars.CreateEventAsync("anna", Drafts.Meeting("2026-11-03T09:00:00", "2026-11-03T10:00:00", "UTC", "moved"), CancellationToken.None);
        var deleted = await calendars.CreateEventAsync("anna", Drafts.Meeting("2026-11-04T09:00:00", "2026-11-04T10:00:00", "UTC", "deleted"), CancellationToken.None);
        var leaving = await calendars.CreateEventAsync("anna", Drafts.Meeting("2026-11-05T09:00:00", "2026-11-05T10:00:00", "UTC", "leaves window"), CancellationToken.None);
        await calendars.CreateEventAsync("anna", Drafts.Meeting("2026-12-05T09:00:00", "2026-12-05T10:00:00", "UTC", "outside"), CancellationToken.None);

        var (initial, deltaLink) = await RoundAsync(standIn, Delta);
        Assert.Equal(["kept", "moved", "deleted", "leaves window"], initial.Select(i => i["subject"]!.GetValue<string>()));
        Assert.Contains("$deltatoken=", deltaLink);

        var (nothing, deltaLink2) = await RoundAsync(standIn, deltaLink);
        Assert.Empty(nothing);

        await calendars.UpdateEventAsync("anna", moved.Id, Drafts.Meeting("2026-11-10T09:00:00", "2026-11-10T10:00:00", "UTC", "moved"), CancellationToken.None);
        await calendars.DeleteEventAsync("anna", deleted.Id, CancellationToken.None);
        await calendars.UpdateEventAsync("anna", leaving.Id, Drafts.Meeting("2026-12-10T09:00:00", "2026-12-10T10:00:00", "UTC", "leaves window"), CancellationToken.None);
        var added = await calendars.CreateEventAsync("anna", Drafts.Meeting("2026-11-20T09:00:00", "2026-11-20T10:00:00", "UTC", "added"), CancellationToken.None);

        var (changes, deltaLink3) = await RoundAsync(standIn, deltaLink2);
        var updated = changes.Where(c => c["@removed"] is null).ToList();
        var removed = changes.Where(c => c["@removed"] is not null).ToList();
        Assert.Equal([moved.Id, added.Id], updated.Select(c => c["id"]!.GetValue<string>()));
        Assert.Equal("2026-11-10T09:00:00.0000000", updated[0]["start"]!["dateTime"]!.GetValue<string>());
        Assert.Equal(new[] { deleted.Id, leaving.Id }.Order(StringComparer.Ordinal), removed.Select(r => r["id"]!.GetValue<string>()));
        Assert.All(removed, r =>
        {
            Assert.Equal("#microsoft.graph.event", r["@odata.type"]!.GetValue<string>());
            Assert.Equal("deleted", r["@removed"]!["reason"]!.GetValue<string>());
        });
        Assert.DoesNotContain(changes, c => c["id"]!.GetValue<string>() == kept.Id);
        Assert.NotEqual(deltaLink2, deltaLink3);
    }

    [Fact]
    public async Task Delta_UnknownOrExpiredToken_Answers410SyncStateNotFound()
    {
        await using var standIn = await StandIn.StartAsync();
        var (_, deltaLink) = await RoundAsync(standIn, Delta);

        using var bogus = await standIn.Http.GetAsync("users/anna/calendarView/delta?$deltatoken=bogus");
        standIn.Server.ExpireDeltaTokens();
        using var expired = await standIn.Http.GetAsync(deltaLink);

        Assert.Equal(HttpStatusCode.Gone, bogus.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal("SyncStateNotFound", JsonNode.Parse(await expired.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
    }
}
