using System.Net;
using static PresenceBot.Tests.ApiClient;

namespace PresenceBot.Tests.OperatorPage;

/// <summary>What the page shows, as its JSON: everyone now, one person with the next stretch, one unit's phone hours and gaps.</summary>
public sealed class OperatorPageDataTests : IAsyncLifetime
{
    private readonly PresenceBotApplication _app = new();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task ThePeople_ShowSickAsFranvarande_WithItsReturnAndTalsvar()
    {
        await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "sick", until = "2026-11-23T15:00", note = "Influensa" });

        var (status, body) = await _client.GetJsonAsync("/switchboard/api/people");

        Assert.Equal(HttpStatusCode.OK, status);
        var kim = body!["people"]!.AsArray().Single(p => (string?)p!["id"] == KimId)!;
        Assert.Equal("frånvarande", (string?)kim["reasonText"]);
        Assert.Equal("closed", (string?)kim["phone"]);
        Assert.Equal("klockan 15.00", (string?)kim["returnsText"]);
        Assert.Null(kim["forwardTo"]);
        Assert.DoesNotContain("sjuk", body.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Influensa", body.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(6, body["units"]!.AsArray().Count);
    }

    [Fact]
    public async Task APerson_ShowsTheNextReferredStretch_AfterTheOneInForce()
    {
        await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "training", until = "2026-11-24T12:00", from = "2026-11-24T10:00" });

        var (status, body) = await _client.GetJsonAsync($"/switchboard/api/people/{KimUpn}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("available", (string?)body!["person"]!["state"]);
        Assert.Equal("i morgon 10.00–12.00", (string?)body["next"]!["text"]);
        Assert.Equal("utbildning", (string?)body["next"]!["reasonText"]);
    }

    [Fact]
    public async Task AUnit_ShowsWhoIsReachable_AndTodaysPhoneHoursWithTheGap()
    {
        // Kansli Lycksele has phone hours 09–12 and needs one reachable; Sara's calendar coupling is open, so close her phone by hand.
        await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "meeting", until = "2026-11-23T11:00" });
        await _client.PutJsonAsync("/api/referrals/sara.nordin@lycksele.se/manual", new { reason = "errand", until = "2026-11-23T10:00", phone = "closed" });

        var (status, body) = await _client.GetJsonAsync("/switchboard/api/units/kansli-lycksele");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(body!["reachableNow"]!.AsArray());
        Assert.Equal("09.00–12.00", (string?)body["phoneHoursToday"]![0]!["text"]);
        var gap = body["gapsToday"]!.AsArray().Single()!;
        Assert.Equal("09.00–10.00", (string?)gap["when"]!["text"]);
        Assert.Equal(0, (int)gap["reachable"]!);
        Assert.Equal(2, gap["away"]!.AsArray().Count);
    }

    [Fact]
    public async Task UnknownPeopleAndUnits_Are404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetJsonAsync("/switchboard/api/people/nobody@example.se")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetJsonAsync("/switchboard/api/units/nowhere")).Status);
    }
}
