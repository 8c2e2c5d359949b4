using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PresenceBot.Referrals.Voicemail;
using PresenceBot.Reminders;
using PresenceBot.TeamsChannel.Tests.Support;
using PresenceBot.Tests.Bot;
using PresenceBot.Voicemail;
using static PresenceBot.Tests.ApiClient;

namespace PresenceBot.Tests.Reminders;

/// <summary>
/// Over real HTTP: the switchboard's signed webhook stores a voicemail, the minute job falls due, and the reminder
/// card arrives at the loopback stand-in for the Bot Framework connector — through the real Teams sender.
/// </summary>
public sealed class VoicemailReminderEndToEndTests : IAsyncLifetime
{
    private const string Secret = "test-webhook-secret";

    private TeamsBotHarness _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await TeamsBotHarness.StartAsync(settings: new Dictionary<string, string?> { ["Switchboard:WebhookSecret"] = Secret });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task SignedWebhook_ThenThirtyMinutes_ReminderCardArrivesInThePersonalChat()
    {
        await _bot.PostAsync(_bot.Activities.Installation("add"));
        Assert.Equal(HttpStatusCode.OK, await PostVoicemailAsync("vm-e2e", "2026-11-23T09:00:00+01:00"));

        _bot.App.Clock.Advance(TimeSpan.FromMinutes(30));
        var sent = await _bot.Service<VoicemailReminderJob>().RunAsync(CancellationToken.None);

        Assert.Equal(1, sent);
        var request = Assert.Single(await _bot.Connector.WaitForRequestsAsync(1));
        Assert.Equal($"/emea/v3/conversations/{TeamsActivities.PersonalChat}/activities", request.Path);
        var card = request.Body!["attachments"]![0]!["content"]!;
        Assert.Equal("Du har ett olyssnat röstmeddelande", (string?)card["body"]![0]!["text"]);
        Assert.Contains(card["body"]![2]!["facts"]!.AsArray(), f => (string?)f!["value"] == "070-123 45 67");
        var actions = card["actions"]!.AsArray();
        Assert.Equal(["voicemail.heard", "voicemail.snooze"], actions.Select(a => (string?)a!["verb"]));
        Assert.Equal(["Markera som avlyssnad", "Påminn om en timme"], actions.Select(a => (string?)a!["title"]));
        Assert.Equal(1, await _bot.CountAsync("sent_reminders", "Kind = 'VoicemailFirst'"));

        // Pressed where Teams sends the button as Action.Submit (only its data comes back): the voicemail is heard.
        var (status, _) = await _bot.PostAsync(_bot.Activities.CardSubmit(actions[0]!["data"]!.AsObject().DeepClone().AsObject()));
        Assert.Equal(HttpStatusCode.OK, status);
        var kim = await _bot.Service<IVoicemailLedger>().ForPersonAsync(KimId, CancellationToken.None);
        Assert.Empty(kim.Unheard);
    }

    [Fact]
    public async Task PersonWithoutTheApp_NothingIsClaimed_SoTheReminderGoesOutOnceTheyInstall()
    {
        await PostVoicemailAsync("vm-later", "2026-11-23T09:00:00+01:00");
        _bot.App.Clock.Advance(TimeSpan.FromMinutes(30));
        var job = _bot.Service<VoicemailReminderJob>();

        Assert.Equal(0, await job.RunAsync(CancellationToken.None));
        Assert.Equal(0, await _bot.CountAsync("sent_reminders"));

        await _bot.PostAsync(_bot.Activities.Installation("add"));
        _bot.App.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await job.RunAsync(CancellationToken.None));
        Assert.Single(await _bot.Connector.WaitForRequestsAsync(1));
    }

    private async Task<HttpStatusCode> PostVoicemailAsync(string id, string receivedAt)
    {
        var bytes = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["id"] = id,
            ["person"] = KimUpn,
            ["receivedAt"] = receivedAt,
            ["caller"] = "070-123 45 67",
            ["state"] = "new",
        }.ToJsonString());
        using var client = _bot.App.CreateClient();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var timestamp = _bot.App.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        content.Headers.TryAddWithoutValidation(WebhookSignature.TimestampHeaderName, timestamp);
        content.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Sign(timestamp, bytes, Secret));
        using var response = await client.PostAsync(new Uri("/api/switchboard/voicemail", UriKind.Relative), content);
        return response.StatusCode;
    }
}
