using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PresenceBot.Publishing;
using PresenceBot.Referrals.Service;
using PresenceBot.Storage;
using PresenceBot.Switchboard;
using static PresenceBot.Tests.ApiClient;
using static PresenceBot.Tests.Forwarding.TeamHarness;

namespace PresenceBot.Tests.Forwarding;

/// <summary><c>forwardTo</c> on <c>PUT /api/referrals/{person}/manual</c>: checked before anything is stored, errors in Swedish.</summary>
public sealed class ForwardToApiTests : IAsyncLifetime
{
    private readonly PresenceBotApplication _app = new();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Put_ForwardToReachableColleague_ShowsItInStatusAndTalsvar()
    {
        var (status, body) = await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual",
            new { reason = "meeting", until = "2026-11-23T15:00", forwardTo = "sara.nordin@lycksele.se" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(SaraId, (string?)body!["forwardTo"]!["id"]);
        Assert.Equal("Sara Nordin", (string?)body["forwardTo"]!["name"]);
        Assert.Equal("2026-11-23T15:00:00+01:00", (string?)body["forwardTo"]!["until"]);
        Assert.Equal("Kim Krona, Lycksele kommun, är på sammanträde och återkommer klockan 15.00 och samtalet kopplas till Sara Nordin.",
            (string?)body["talsvar"]);

        var (_, back) = await _client.DeleteJsonAsync($"/api/referrals/{KimUpn}/manual");
        Assert.Null(back!["forwardTo"]);
    }

    [Theory]
    [InlineData("""{ "reason": "meeting", "until": "2026-11-23T15:00", "forwardTo": "Zacharias Zorn" }""", "forwardTo", "Okänd kollega 'Zacharias Zorn'")]
    [InlineData("""{ "reason": "meeting", "until": "2026-11-23T15:00", "forwardTo": "kim.krona@lycksele.se" }""", "forwardTo", "till dig själv")]
    [InlineData("""{ "reason": "meeting", "until": "2026-11-23T15:00", "forwardTo": "e" }""", "forwardTo", "Flera kollegor passar 'e'")]
    [InlineData("""{ "reason": "meeting", "until": "2026-11-23T15:00", "forwardTo": "Sara Nordin", "forwardConfirmed": "ja" }""", "forwardConfirmed", "sanningsvärde")]
    [InlineData("""{ "reason": "meeting", "until": "2026-11-23T15:00", "forwardConfirmed": "true" }""", "forwardConfirmed", "bara tillsammans med forwardTo")]
    [InlineData("""{ "reason": "meeting", "until": "2026-11-23T15:00", "forwardTo": 7 }""", "forwardTo", "ska vara en text")]
    public async Task Put_BadForwardTo_Is400NamingTheFieldAndStoresNothing(string json, string field, string messagePart)
    {
        var (status, body) = await _client.PutRawAsync($"/api/referrals/{KimUpn}/manual", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(body!["errors"]![field]!.AsArray(), m => ((string?)m)!.Contains(messagePart, StringComparison.Ordinal));
        Assert.Equal(0, await TestDatabase.CountAsync(_app.DatabasePath, "referrals"));
        Assert.Equal(0, await TestDatabase.CountAsync(_app.DatabasePath, "audit_entries"));
    }

    [Fact]
    public async Task Put_ColleaguePartlyUnreachable_Is400SayingWhen_UntilConfirmed()
    {
        await _client.PutJsonAsync("/api/referrals/sara.nordin@lycksele.se/manual", new { reason = "sick", from = "2026-11-23T13:00", until = "2026-11-23T14:00" });
        var request = new Dictionary<string, string> { ["reason"] = "meeting", ["until"] = "2026-11-23T15:00", ["forwardTo"] = "Sara Nordin" };

        var (refused, body) = await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", request);

        Assert.Equal(HttpStatusCode.BadRequest, refused);
        var message = (string?)body!["errors"]!["forwardTo"]![0];
        Assert.StartsWith("Sara Nordin är frånvarande 13.00–14.00.", message, StringComparison.Ordinal);
        Assert.Equal("Sara Nordin är frånvarande 13.00–14.00", (string?)body["unreachable"]);
        Assert.Equal("available", (string?)(await _client.GetJsonAsync($"/api/referrals/{KimUpn}")).Body!["state"]);

        request["forwardConfirmed"] = "true";
        var (accepted, set) = await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", request);

        Assert.Equal(HttpStatusCode.OK, accepted);
        Assert.Equal(SaraId, (string?)set!["forwardTo"]!["id"]);
    }

    [Fact]
    public async Task Put_WhenTheForwardingCannotBeStored_StoresNoReferralEither()
    {
        await using var app = new PresenceBotApplication(services: services =>
        {
            services.RemoveAll<IReferralStore>();
            services.AddSingleton<IReferralStore>(sp => new FailingForwardingWrite(ActivatorUtilities.CreateInstance<EfReferralStore>(sp)));
        });
        using var client = app.CreateClient();

        using var failed = await client.PutAsJsonAsync(new Uri($"/api/referrals/{KimUpn}/manual", UriKind.Relative),
            new { reason = "meeting", until = "2026-11-23T15:00", forwardTo = "sara.nordin@lycksele.se" });

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(0, await TestDatabase.CountAsync(app.DatabasePath, "referrals"));
        Assert.Equal(0, await TestDatabase.CountAsync(app.DatabasePath, "audit_entries"));

        // The store itself works: the same referral without a forwarding is stored.
        var (stored, _) = await client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "meeting", until = "2026-11-23T15:00" });
        Assert.Equal(HttpStatusCode.OK, stored);
        Assert.Equal(1, await TestDatabase.CountAsync(app.DatabasePath, "referrals"));
    }

    [Fact]
    public void PublishedPayload_CarriesTheForwarding()
    {
        var status = new ReferralStatusResponse(new PersonResponse(KimId, KimUpn, "Kim Krona", "kansli-lycksele", "lycksele", null),
            "referred", "meeting", "sammanträde", "closed", null, null, "manual", null, "… och samtalet kopplas till Sara Nordin.",
            new ForwardToResponse(SaraId, "Sara Nordin", new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.FromHours(1))));

        var json = JsonSerializer.SerializeToElement(PublishedStatus.Of(status, "trio", 1, DateTimeOffset.UnixEpoch), JsonSerializerOptions.Web);

        Assert.Equal(SaraId, json.GetProperty("forwardTo").GetProperty("id").GetString());
        Assert.Equal("Sara Nordin", json.GetProperty("forwardTo").GetProperty("name").GetString());
    }
}
