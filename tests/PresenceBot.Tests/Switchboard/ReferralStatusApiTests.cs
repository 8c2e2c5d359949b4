using System.Net;
using static PresenceBot.Tests.ApiClient;

namespace PresenceBot.Tests.Switchboard;

public sealed class ReferralStatusApiTests : IAsyncLifetime
{
    private readonly PresenceBotApplication _app = new();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(KimUpn)]
    [InlineData("KIM.Krona@Lycksele.SE")]
    [InlineData(KimId)]
    public async Task Get_KnownPersonWithoutReferral_IsAvailable(string person)
    {
        var (status, body) = await _client.GetJsonAsync($"/api/referrals/{person}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(KimId, (string?)body!["person"]!["id"]);
        Assert.Equal("Kim Krona", (string?)body["person"]!["name"]);
        Assert.Equal("kansli-lycksele", (string?)body["person"]!["unit"]);
        Assert.Equal("lycksele", (string?)body["person"]!["municipality"]);
        Assert.Equal("0950-16626", (string?)body["person"]!["extension"]);
        Assert.Equal("available", (string?)body["state"]);
        Assert.Equal("open", (string?)body["phone"]);
        Assert.Null(body["talsvar"]);
    }

    [Fact]
    public async Task Get_UnknownPerson_Is404ProblemDetails()
    {
        using var response = await _client.GetAsync(new Uri("/api/referrals/nobody@lycksele.se", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("nobody@lycksele.se", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_MeetingUntilThreeToday_CallersHearTalsvarAndStatusIsStored()
    {
        var (status, body) = await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "meeting", until = "2026-11-23T15:00" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("referred", (string?)body!["state"]);
        Assert.Equal("Kim Krona, Lycksele kommun, är på sammanträde och återkommer klockan 15.00.", (string?)body["talsvar"]);

        var (_, stored) = await _client.GetJsonAsync($"/api/referrals/{KimUpn}");
        Assert.Equal("referred", (string?)stored!["state"]);
        Assert.Equal("meeting", (string?)stored["reason"]);
        Assert.Equal("sammanträde", (string?)stored["reasonText"]);
        Assert.Equal("closed", (string?)stored["phone"]);
        Assert.Equal("switchboard", (string?)stored["source"]);
        Assert.Equal("2026-11-23T09:00:00+01:00", (string?)stored["from"]);
        Assert.Equal("2026-11-23T15:00:00+01:00", (string?)stored["returnsAt"]);
        Assert.Equal("Kim Krona, Lycksele kommun, är på sammanträde och återkommer klockan 15.00.", (string?)stored["talsvar"]);
    }

    [Fact]
    public async Task Put_UntilWithOffsetAndRemote_PhoneStaysOpen()
    {
        var (status, body) = await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "remote", until = "2026-11-23T16:00:00+01:00", note = "nås på mobilen" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("remote", (string?)body!["reason"]);
        Assert.Equal("open", (string?)body["phone"]);
        Assert.Equal("nås på mobilen", (string?)body["note"]);
    }

    [Fact]
    public async Task Put_Sick_IsReportedAsAwayAndNeverSpokenAsSick()
    {
        var (_, body) = await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "sick", until = "2026-11-25T08:00", note = "influensa" });

        Assert.Equal("away", (string?)body!["reason"]);
        Assert.Equal("frånvarande", (string?)body["reasonText"]);
        Assert.Null(body["note"]);
        Assert.Equal("Kim Krona, Lycksele kommun, är frånvarande och återkommer på onsdag klockan 08.00.", (string?)body["talsvar"]);
        Assert.DoesNotContain("sjuk", body.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("influensa", body.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Put_UntilAfterWorkingHours_ReturnsNextWorkingMorning()
    {
        var (_, body) = await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "errand", until = "2026-11-23T18:30" });

        Assert.Equal("2026-11-24T08:00:00+01:00", (string?)body!["returnsAt"]);
        Assert.Equal("Kim Krona, Lycksele kommun, är på tjänsteärende och återkommer i morgon klockan 08.00.", (string?)body["talsvar"]);
    }

    [Fact]
    public async Task Delete_ReturnNow_MakesPersonAvailable()
    {
        await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "lunch", until = "2026-11-23T12:00" });

        var (status, body) = await _client.DeleteJsonAsync($"/api/referrals/{KimUpn}/manual");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("available", (string?)body!["state"]);
        var (_, stored) = await _client.GetJsonAsync($"/api/referrals/{KimUpn}");
        Assert.Equal("available", (string?)stored!["state"]);
    }

    [Fact]
    public async Task Get_AfterReturnTimePasses_IsAvailableAgain()
    {
        await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "lunch", until = "2026-11-23T12:00" });

        _app.Clock.Advance(TimeSpan.FromHours(3));

        var (_, body) = await _client.GetJsonAsync($"/api/referrals/{KimUpn}");
        Assert.Equal("available", (string?)body!["state"]);
    }

    [Fact]
    public async Task Put_Twice_IsIdempotent()
    {
        await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "meeting", until = "2026-11-23T15:00" });
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        var (status, body) = await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "meeting", until = "2026-11-23T15:00" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2026-11-23T09:00:00+01:00", (string?)body!["from"]);
        Assert.Equal(1, await StoredCountAsync("referrals"));
        Assert.Equal(1, await StoredCountAsync("audit_entries"));
    }

    [Fact]
    public async Task Put_SecondReferral_ReplacesTheFirstAndAuditsBoth()
    {
        await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "meeting", until = "2026-11-23T15:00" });
        _app.Clock.Advance(TimeSpan.FromMinutes(30));
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/referrals/{KimUpn}/manual")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { reason = "business-trip", until = "2026-11-24T12:00" }),
        };
        request.Headers.Add("X-Operator", Uri.EscapeDataString("Anna i växeln"));
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (_, body) = await _client.GetJsonAsync($"/api/referrals/{KimUpn}");
        Assert.Equal("business-trip", (string?)body!["reason"]);
        Assert.Equal("Kim Krona, Lycksele kommun, är på tjänsteresa och återkommer i morgon klockan 12.00.", (string?)body["talsvar"]);
        Assert.Equal(3, await StoredCountAsync("audit_entries"));
        Assert.Equal(1, await StoredCountAsync("audit_entries", "Actor = 'switchboard:Anna i växeln' AND Action = 'created'"));
    }

    [Fact]
    public async Task GetUnit_ListsEveryMemberNow()
    {
        await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "training", until = "2026-11-23T16:00" });

        var (status, body) = await _client.GetJsonAsync("/api/referrals?unit=kansli-lycksele");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Kansli", (string?)body!["name"]);
        var people = body["people"]!.AsArray();
        Assert.Equal(2, people.Count);
        Assert.Equal("referred", (string?)people.Single(p => (string?)p!["person"]!["upn"] == KimUpn)!["state"]);
        Assert.Equal("available", (string?)people.Single(p => (string?)p!["person"]!["upn"] == "sara.nordin@lycksele.se")!["state"]);
    }

    [Theory]
    [InlineData("/api/referrals", HttpStatusCode.BadRequest)]
    [InlineData("/api/referrals?unit=kansli-x", HttpStatusCode.NotFound)]
    public async Task GetUnit_MissingOrUnknownUnit_IsRefused(string path, HttpStatusCode expected)
    {
        var (status, _) = await _client.GetJsonAsync(path);

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task Timeline_ShowsReferralAndAvailableStretchesInOrganisationZone()
    {
        await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "meeting", until = "2026-11-23T11:00" });

        var (status, body) = await _client.GetJsonAsync(
            $"/api/referrals/{KimUpn}/timeline?from=2026-11-23T08:00:00%2B01:00&to=2026-11-23T17:00:00%2B01:00");

        Assert.Equal(HttpStatusCode.OK, status);
        var segments = body!["segments"]!.AsArray();
        Assert.Equal(3, segments.Count);
        Assert.Equal(("2026-11-23T08:00:00+01:00", "available"), ((string?)segments[0]!["from"], (string?)segments[0]!["state"]));
        Assert.Equal(("2026-11-23T09:00:00+01:00", "2026-11-23T11:00:00+01:00", "meeting"),
            ((string?)segments[1]!["from"], (string?)segments[1]!["to"], (string?)segments[1]!["reason"]));
        Assert.Equal(("2026-11-23T11:00:00+01:00", "2026-11-23T17:00:00+01:00", "available"),
            ((string?)segments[2]!["from"], (string?)segments[2]!["to"], (string?)segments[2]!["state"]));
    }

    [Theory]
    [InlineData("from=igår")]
    [InlineData("from=2026-11-23T10:00&to=2026-11-23T09:00")]
    [InlineData("from=2026-11-01T10:00&to=2027-02-01T09:00")]
    public async Task Timeline_BadInterval_Is400(string query)
    {
        var (status, body) = await _client.GetJsonAsync($"/api/referrals/{KimUpn}/timeline?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]);
    }

    [Fact]
    public async Task Health_LiveAndReady()
    {
        using var live = await _client.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var ready = await _client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(File.Exists(_app.DatabasePath), "the test's own SQLite file is the one in use");
    }

    [Fact]
    public async Task HangfireDashboard_AnswersLoopback()
    {
        using var response = await _client.GetAsync(new Uri("/hangfire", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Task<long> StoredCountAsync(string table, string where = "1 = 1") => TestDatabase.CountAsync(_app.DatabasePath, table, where);
}
