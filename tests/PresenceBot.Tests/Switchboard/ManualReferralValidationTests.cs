using System.Net;
using static PresenceBot.Tests.ApiClient;

namespace PresenceBot.Tests.Switchboard;

/// <summary>Bad input gets a 400 naming the field, in Swedish, and stores nothing.</summary>
public sealed class ManualReferralValidationTests : IAsyncLifetime
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
    [InlineData("""{ "reason": "party", "until": "2026-11-23T15:00" }""", "reason", "Okänd")]
    [InlineData("""{ "until": "2026-11-23T15:00" }""", "reason", "saknad")]
    [InlineData("""{ "reason": "meeting" }""", "until", "Återkomsttid saknas")]
    [InlineData("""{ "reason": "meeting", "until": "" }""", "until", "Återkomsttid saknas")]
    [InlineData("""{ "reason": "meeting", "until": "2026-11-23T08:00" }""", "until", "redan passerat")]
    [InlineData("""{ "reason": "meeting", "until": "klockan tre" }""", "until", "ingen tid")]
    [InlineData("""{ "reason": "meeting", "until": "2026-02-31T10:00" }""", "until", "ingen tid")]
    [InlineData("""{ "reason": "meeting", "until": "2026-11-23T15:00", "phone": "half" }""", "phone", "telefonläge")]
    [InlineData("""{ "reason": "meeting", "until": "2026-11-23T15:00", "from": "snart" }""", "from", "ingen tid")]
    [InlineData("""{ "reason": "meeting", "until": "2026-11-23T15:00", "from": "2026-11-23T16:00" }""", "until", "efter starttiden")]
    public async Task Put_InvalidRequest_Is400NamingTheFieldAndStoresNothing(string json, string field, string messagePart)
    {
        var (status, body) = await _client.PutRawAsync($"/api/referrals/{KimUpn}/manual", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var messages = body!["errors"]![field]!.AsArray().Select(m => (string?)m).ToList();
        Assert.Contains(messages, m => m!.Contains(messagePart, StringComparison.Ordinal));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Put_NoteTooLong_Is400()
    {
        var (status, body) = await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual",
            new { reason = "meeting", until = "2026-11-23T15:00", note = new string('x', 201) });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]!["note"]);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Put_MalformedJson_Is400()
    {
        var (status, _) = await _client.PutRawAsync($"/api/referrals/{KimUpn}/manual", "{ \"reason\": ");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Put_UnknownPerson_Is404AndStoresNothing()
    {
        var (status, _) = await _client.PutJsonAsync("/api/referrals/nobody@lycksele.se/manual", new { reason = "meeting", until = "2026-11-23T15:00" });

        Assert.Equal(HttpStatusCode.NotFound, status);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Delete_WhenAvailable_ChangesNothing()
    {
        var (status, body) = await _client.DeleteJsonAsync($"/api/referrals/{KimUpn}/manual");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("available", (string?)body!["state"]);
        await AssertNothingStoredAsync();
    }

    private async Task AssertNothingStoredAsync()
    {
        Assert.Equal(0, await TestDatabase.CountAsync(_app.DatabasePath, "referrals"));
        Assert.Equal(0, await TestDatabase.CountAsync(_app.DatabasePath, "audit_entries"));
        Assert.Equal(0, await TestDatabase.CountAsync(_app.DatabasePath, "work_items"));
    }
}
