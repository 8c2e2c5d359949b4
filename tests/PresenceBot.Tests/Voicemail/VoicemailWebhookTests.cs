using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PresenceBot.Referrals.Voicemail;
using PresenceBot.Voicemail;
using static PresenceBot.Tests.ApiClient;

namespace PresenceBot.Tests.Voicemail;

/// <summary>The switchboard's voicemail webhook over real loopback HTTP, with the real SQLite ledger behind it.</summary>
public sealed class VoicemailWebhookTests : IAsyncLifetime
{
    private const string Secret = "test-webhook-secret";
    private const string Path = "/api/switchboard/voicemail";

    private readonly PresenceBotApplication _app = new(new Dictionary<string, string?> { ["Switchboard:WebhookSecret"] = Secret });
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task GoodSignature_IsStoredAndAnswered200()
    {
        var (status, body) = await PostAsync(Event("vm-1", KimUpn));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(KimId, body!["personId"]!.GetValue<string>());
        Assert.True(body["created"]!.GetValue<bool>());
        Assert.Equal(1, await TestDatabase.CountAsync(_app.DatabasePath, "voicemails", $"PersonId = '{KimId}' AND State = 0"));
        var ledger = _app.Services.GetRequiredService<IVoicemailLedger>();
        var unheard = Assert.Single((await ledger.ForPersonAsync(KimId, CancellationToken.None)).Unheard);
        Assert.Equal("070-123 45 67", unheard.Caller);
    }

    [Theory]
    [InlineData("0950-16626")]
    [InlineData("0950 16626")]
    [InlineData("095016626")]
    [InlineData(KimId)]
    public async Task Person_MayBeNamedByIdUpnOrExtension(string person)
    {
        var (status, body) = await PostAsync(Event("vm-ext", person));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(KimId, body!["personId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha256=zz")]
    [InlineData("sha256=00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")]
    [InlineData("md5=abc")]
    public async Task MissingOrWrongSignature_Is401AndNothingIsStored(string? signature)
    {
        var (status, _) = await PostAsync(Event("vm-2", KimUpn), signature: signature, sign: false);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(0, await TestDatabase.CountAsync(_app.DatabasePath, "voicemails"));
    }

    [Fact]
    public async Task SignatureOfADifferentBody_Is401()
    {
        var signature = WebhookSignature.Sign(Now, Encoding.UTF8.GetBytes(Event("vm-3", KimUpn)), Secret);

        var (status, _) = await PostAsync(Event("vm-3", KimUpn, state: "heard"), signature: signature, sign: false);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(0, await TestDatabase.CountAsync(_app.DatabasePath, "voicemails"));
    }

    [Theory]
    [InlineData(-299, HttpStatusCode.OK)]
    [InlineData(299, HttpStatusCode.OK)]
    [InlineData(-301, HttpStatusCode.Unauthorized)]
    [InlineData(301, HttpStatusCode.Unauthorized)]
    public async Task Timestamp_OnlyWithinFiveMinutesOfNow_IsAccepted(int offsetSeconds, HttpStatusCode expected)
    {
        var json = Event("vm-time", KimUpn);
        var timestamp = (_app.Clock.GetUtcNow().ToUnixTimeSeconds() + offsetSeconds).ToString(CultureInfo.InvariantCulture);

        var (status, _) = await PostAsync(_client, json, timestamp, WebhookSignature.Sign(timestamp, Encoding.UTF8.GetBytes(json), Secret));

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task ACapturedCall_ReplayedAfterTheWindow_Is401()
    {
        var json = Event("vm-replay", KimUpn);
        var signature = WebhookSignature.Sign(Now, Encoding.UTF8.GetBytes(json), Secret);
        var timestamp = Now;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(_client, json, timestamp, signature)).Status);

        _app.Clock.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(_client, json, timestamp, signature)).Status);
    }

    [Fact]
    public async Task TimestampNotTheOneSigned_Is401()
    {
        var json = Event("vm-other-time", KimUpn);
        var earlier = (_app.Clock.GetUtcNow().ToUnixTimeSeconds() - 60).ToString(CultureInfo.InvariantCulture);

        var (status, _) = await PostAsync(_client, json, Now, WebhookSignature.Sign(earlier, Encoding.UTF8.GetBytes(json), Secret));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(0, await TestDatabase.CountAsync(_app.DatabasePath, "voicemails"));
    }

    [Fact]
    public async Task OldBodyOnlySignature_IsRefusedByDefault()
    {
        var json = Event("vm-old", KimUpn);

        var (status, _) = await PostAsync(_client, json, timestamp: null, WebhookSignature.SignBodyOnly(Encoding.UTF8.GetBytes(json), Secret));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(0, await TestDatabase.CountAsync(_app.DatabasePath, "voicemails"));
    }

    [Fact]
    public async Task OldBodyOnlySignature_IsAcceptedWhenAllowed_AndThatIsLogged()
    {
        await using var app = new PresenceBotApplication(new Dictionary<string, string?>
        {
            ["Switchboard:WebhookSecret"] = Secret,
            ["Switchboard:AcceptUnsignedTimestamp"] = "true",
        });
        using var client = app.CreateClient();
        var json = Event("vm-old-allowed", KimUpn);

        var (status, _) = await PostAsync(client, json, timestamp: null, WebhookSignature.SignBodyOnly(Encoding.UTF8.GetBytes(json), Secret));
        var (wrong, _) = await PostAsync(client, json, timestamp: null, WebhookSignature.SignBodyOnly(Encoding.UTF8.GetBytes(json), "another-secret"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong);
        Assert.Contains(app.Logs.Lines, l => l.Contains("Switchboard:AcceptUnsignedTimestamp is true", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json", "body")]
    [InlineData("[1]", "body")]
    [InlineData("""{ "person": "kim.krona@lycksele.se", "receivedAt": "2026-11-23T08:50:00+01:00", "state": "new" }""", "id")]
    [InlineData("""{ "id": "x", "receivedAt": "2026-11-23T08:50:00+01:00", "state": "new" }""", "person")]
    [InlineData("""{ "id": "x", "person": "kim.krona@lycksele.se", "receivedAt": "i morse", "state": "new" }""", "receivedAt")]
    [InlineData("""{ "id": "x", "person": "kim.krona@lycksele.se", "receivedAt": "2026-11-23T08:50:00+01:00", "state": "listened" }""", "state")]
    [InlineData("""{ "id": "x", "person": "kim.krona@lycksele.se", "receivedAt": "2026-11-23T08:50:00+01:00", "state": "new", "durationSeconds": -1 }""", "durationSeconds")]
    [InlineData("""{ "id": "x", "person": "kim.krona@lycksele.se", "receivedAt": "2026-11-23T08:50:00+01:00", "state": "new", "caller": 46701234567 }""", "caller")]
    public async Task Malformed_Is400NamingTheField(string json, string field)
    {
        var (status, body) = await PostAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]![field]);
        Assert.Equal(0, await TestDatabase.CountAsync(_app.DatabasePath, "voicemails"));
    }

    [Fact]
    public async Task UnknownPerson_Is404()
    {
        var (status, _) = await PostAsync(Event("vm-4", "nobody@lycksele.se"));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(0, await TestDatabase.CountAsync(_app.DatabasePath, "voicemails"));
    }

    [Fact]
    public async Task OverLimit_Is413()
    {
        var (status, _) = await PostAsync(Event("vm-big", KimUpn, caller: new string('x', VoicemailWebhook.MaxBodyBytes)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task SameIdTwice_UpdatesTheOneRow()
    {
        await PostAsync(Event("vm-5", KimUpn));

        var (status, body) = await PostAsync(Event("vm-5", KimUpn, state: "heard", caller: null));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body!["created"]!.GetValue<bool>());
        Assert.Equal(1, await TestDatabase.CountAsync(_app.DatabasePath, "voicemails"));
        Assert.Equal(1, await TestDatabase.CountAsync(_app.DatabasePath, "voicemails", "State = 1 AND Caller = '070-123 45 67'"));
    }

    [Fact]
    public async Task LateNew_DoesNotResurrectAHeardMessage()
    {
        await PostAsync(Event("vm-6", KimUpn, state: "heard"));

        var (status, body) = await PostAsync(Event("vm-6", KimUpn, state: "new"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("heard", body!["state"]!.GetValue<string>());
        Assert.Equal(1, await TestDatabase.CountAsync(_app.DatabasePath, "voicemails", "State = 1"));
    }

    [Fact]
    public async Task WithoutASecret_EverythingIsRefused()
    {
        await using var open = new PresenceBotApplication();
        using var client = open.CreateClient();
        using var content = new StringContent(Event("vm-7", KimUpn), Encoding.UTF8, "application/json");
        content.Headers.Add(WebhookSignature.TimestampHeaderName, Now);
        content.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Sign(Now, Encoding.UTF8.GetBytes(Event("vm-7", KimUpn)), ""));

        using var response = await client.PostAsync(new Uri(Path, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await TestDatabase.CountAsync(open.DatabasePath, "voicemails"));
    }

    private static string Event(string id, string person, string state = "new", string? caller = "070-123 45 67") =>
        new JsonObject
        {
            ["id"] = id,
            ["person"] = person,
            ["receivedAt"] = "2026-11-23T08:50:00+01:00",
            ["caller"] = caller,
            ["durationSeconds"] = 42,
            ["state"] = state,
        }.ToJsonString();

    private string Now => _app.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string json, string? signature = null, bool sign = true) =>
        PostAsync(_client, json, Now, sign ? WebhookSignature.Sign(Now, Encoding.UTF8.GetBytes(json), Secret) : signature);

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(HttpClient client, string json, string? timestamp, string? signature)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (timestamp is not null)
        {
            content.Headers.TryAddWithoutValidation(WebhookSignature.TimestampHeaderName, timestamp);
        }

        if (signature is not null)
        {
            content.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signature);
        }

        using var response = await client.PostAsync(new Uri(Path, UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
