using System.Net;
using PresenceBot.GraphStandIn.Calendars;

namespace PresenceBot.GraphStandIn.Tests.Calendars;

public sealed class EventShapeTests
{
    [Fact]
    public async Task GetEvent_WritesGraphsEventFields()
    {
        await using var standIn = await StandIn.StartAsync();
        var draft = Drafts.Meeting("2026-11-23T09:00:00", "2026-11-23T10:00:00") with
        {
            Sensitivity = "private",
            Categories = ["Semester"],
            Location = new Location("Rum 4"),
            Body = new ItemBody("html", "<p>Hej <b>alla</b></p>"),
            ShowAs = "oof",
        };
        var e = await standIn.Server.Calendars.CreateEventAsync("anna", draft, CancellationToken.None);

        var json = await standIn.GetJsonAsync($"users/anna/events/{e.Id}");

        Assert.EndsWith("$metadata#users('anna')/events/$entity", json["@odata.context"]!.GetValue<string>());
        Assert.Equal(e.Id, json["id"]!.GetValue<string>());
        Assert.Equal(e.ChangeKey, json["changeKey"]!.GetValue<string>());
        Assert.Equal($"W/\"{e.ChangeKey}\"", json["@odata.etag"]!.GetValue<string>());
        Assert.Equal("SAM: Budget", json["subject"]!.GetValue<string>());
        Assert.Equal("Hej alla", json["bodyPreview"]!.GetValue<string>());
        Assert.Equal("private", json["sensitivity"]!.GetValue<string>());
        Assert.Equal("oof", json["showAs"]!.GetValue<string>());
        Assert.Equal("singleInstance", json["type"]!.GetValue<string>());
        Assert.Equal("Semester", json["categories"]![0]!.GetValue<string>());
        Assert.Equal("Rum 4", json["location"]!["displayName"]!.GetValue<string>());
        Assert.Equal("organizer", json["responseStatus"]!["response"]!.GetValue<string>());
        Assert.False(json["isAllDay"]!.GetValue<bool>());
        Assert.False(json["isCancelled"]!.GetValue<bool>());
        Assert.True(json["isOrganizer"]!.GetValue<bool>());
        Assert.NotNull(json["iCalUId"]);
        Assert.EndsWith("Z", json["createdDateTime"]!.GetValue<string>());
        Assert.NotNull(json["organizer"]!["emailAddress"]!["address"]);
    }

    [Fact]
    public async Task DevApi_InvalidDraft_Answers400()
    {
        await using var standIn = await StandIn.StartAsync();

        using var noStart = await standIn.DevAsync(HttpMethod.Post, "users/anna/events", new { subject = "x" });
        using var badZone = await standIn.DevAsync(HttpMethod.Post, "users/anna/events", new
        {
            start = new { dateTime = "2026-11-23T09:00:00", timeZone = "Mars/Olympus" },
            end = new { dateTime = "2026-11-23T10:00:00", timeZone = "Mars/Olympus" },
        });
        using var backwards = await standIn.DevAsync(HttpMethod.Post, "users/anna/events", new
        {
            start = new { dateTime = "2026-11-23T10:00:00", timeZone = "UTC" },
            end = new { dateTime = "2026-11-23T09:00:00", timeZone = "UTC" },
        });
        using var badShowAs = await standIn.DevAsync(HttpMethod.Post, "users/anna/events", new
        {
            start = new { dateTime = "2026-11-23T09:00:00", timeZone = "UTC" },
            end = new { dateTime = "2026-11-23T10:00:00", timeZone = "UTC" },
            showAs = "sleeping",
        });

        Assert.All([noStart, badZone, backwards, badShowAs], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
    }
}
