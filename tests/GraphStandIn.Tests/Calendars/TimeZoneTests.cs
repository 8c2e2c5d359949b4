namespace PresenceBot.GraphStandIn.Tests.Calendars;

public sealed class TimeZoneTests
{
    [Theory]
    [InlineData(null, "2026-11-23T08:00:00.0000000", "UTC")]
    [InlineData("outlook.timezone=\"W. Europe Standard Time\"", "2026-11-23T09:00:00.0000000", "W. Europe Standard Time")]
    [InlineData("outlook.timezone=\"Europe/Stockholm\"", "2026-11-23T09:00:00.0000000", "Europe/Stockholm")]
    [InlineData("outlook.timezone=\"Pacific Standard Time\"", "2026-11-23T00:00:00.0000000", "Pacific Standard Time")]
    public async Task Read_HonoursPreferOutlookTimezone_DefaultUtc(string? prefer, string expected, string zone)
    {
        await using var standIn = await StandIn.StartAsync();
        var e = await standIn.Server.Calendars.CreateEventAsync(
            "anna", Drafts.Meeting("2026-11-23T09:00:00", "2026-11-23T10:00:00", "W. Europe Standard Time"), CancellationToken.None);

        var json = await standIn.GetJsonAsync($"users/anna/events/{e.Id}", prefer);

        Assert.Equal(expected, json["start"]!["dateTime"]!.GetValue<string>());
        Assert.Equal(zone, json["start"]!["timeZone"]!.GetValue<string>());
        Assert.Equal("W. Europe Standard Time", json["originalStartTimeZone"]!.GetValue<string>());
    }

    [Fact]
    public async Task IanaStoredEvent_AcrossDstChange_ConvertsPerInstant()
    {
        await using var standIn = await StandIn.StartAsync();
        // Sunday 25 October 2026: Stockholm leaves summer time at 03:00 (UTC+2 → UTC+1).
        var before = await standIn.Server.Calendars.CreateEventAsync(
            "anna", Drafts.Meeting("2026-10-24T09:00:00", "2026-10-24T10:00:00", "Europe/Stockholm"), CancellationToken.None);
        var after = await standIn.Server.Calendars.CreateEventAsync(
            "anna", Drafts.Meeting("2026-10-26T09:00:00", "2026-10-26T10:00:00", "Europe/Stockholm"), CancellationToken.None);

        var summer = await standIn.GetJsonAsync($"users/anna/events/{before.Id}");
        var winter = await standIn.GetJsonAsync($"users/anna/events/{after.Id}");

        Assert.Equal("2026-10-24T07:00:00.0000000", summer["start"]!["dateTime"]!.GetValue<string>());
        Assert.Equal("2026-10-26T08:00:00.0000000", winter["start"]!["dateTime"]!.GetValue<string>());
    }

    [Fact]
    public async Task AllDayEvent_StaysMidnightToMidnightInEveryZone()
    {
        await using var standIn = await StandIn.StartAsync();
        var draft = Drafts.Meeting("2026-11-23T00:00:00", "2026-11-24T00:00:00", "W. Europe Standard Time") with { IsAllDay = true, ShowAs = "oof" };
        var e = await standIn.Server.Calendars.CreateEventAsync("anna", draft, CancellationToken.None);

        var utc = await standIn.GetJsonAsync($"users/anna/events/{e.Id}");
        var pacific = await standIn.GetJsonAsync($"users/anna/events/{e.Id}", "outlook.timezone=\"Pacific Standard Time\"");

        Assert.Equal("2026-11-23T00:00:00.0000000", utc["start"]!["dateTime"]!.GetValue<string>());
        Assert.Equal("2026-11-23T00:00:00.0000000", pacific["start"]!["dateTime"]!.GetValue<string>());
        Assert.True(utc["isAllDay"]!.GetValue<bool>());
    }

    [Fact]
    public async Task CalendarView_WindowCompareInstantsAcrossZones()
    {
        await using var standIn = await StandIn.StartAsync();
        // 09:00 in Stockholm is 08:00 UTC: inside a 07:30–08:30 UTC window.
        await standIn.Server.Calendars.CreateEventAsync(
            "anna", Drafts.Meeting("2026-11-23T09:00:00", "2026-11-23T10:00:00", "Europe/Stockholm"), CancellationToken.None);

        var inside = await standIn.GetJsonAsync("users/anna/calendarView?startDateTime=2026-11-23T07:30:00Z&endDateTime=2026-11-23T08:30:00Z");
        var offset = await standIn.GetJsonAsync("users/anna/calendarView?startDateTime=2026-11-23T10:00:00%2B01:00&endDateTime=2026-11-23T11:00:00%2B01:00");

        Assert.Single(inside["value"]!.AsArray());
        Assert.Empty(offset["value"]!.AsArray());
    }
}
