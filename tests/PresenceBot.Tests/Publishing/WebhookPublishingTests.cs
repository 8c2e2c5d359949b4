using System.Net;
using System.Text.Json.Nodes;
using PresenceBot.Tests.Calendar;
using static PresenceBot.Tests.ApiClient;

namespace PresenceBot.Tests.Publishing;

/// <summary>Issue 12 §1–2: every change reaches a signed webhook receiver, in order, latest truth winning, and nothing is lost.</summary>
public sealed class WebhookPublishingTests : IAsyncLifetime
{
    private const string Secret = "a-receiver-secret-of-32-characters!";
    private const string SaraUpn = "sara.nordin@lycksele.se";
    private PresenceBotApplication _app = null!;
    private SigningReceiver _receiver = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _receiver = await SigningReceiver.StartAsync(Secret, () => _app.Clock.GetUtcNow());
        _app = new PresenceBotApplication(new Dictionary<string, string?>
        {
            ["Publish:Webhooks:0:Name"] = "vaxeln",
            ["Publish:Webhooks:0:Url"] = _receiver.Url,
            ["Publish:Webhooks:0:Secret"] = Secret,
        });
        _client = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task Each_change_is_delivered_signed_in_order_and_sick_leave_and_notes_never_leave()
    {
        var note = "Anteckning" + Guid.NewGuid().ToString("N");
        await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "sick", until = "2026-11-23T15:00", note });
        var referred = await AcceptedAsync(1, "the sick leave, as away");
        await _client.DeleteJsonAsync($"/api/referrals/{KimUpn}/manual");
        var available = await AcceptedAsync(2, "the return");

        Assert.Equal("referred", (string?)referred["state"]);
        Assert.Equal("away", (string?)referred["reason"]);
        Assert.Equal("frånvarande", (string?)referred["reasonText"]);
        Assert.Equal("closed", (string?)referred["phone"]);
        Assert.Equal("2026-11-23T15:00:00+01:00", (string?)referred["returnsAt"]);
        Assert.Equal("Kim Krona, Lycksele kommun, är frånvarande och återkommer klockan 15.00.", (string?)referred["talsvar"]);
        Assert.Equal(KimId, (string?)referred["person"]!["id"]);
        Assert.Equal(KimUpn, (string?)referred["person"]!["upn"]);
        Assert.Equal("0950-16626", (string?)referred["person"]!["extension"]);
        Assert.Equal("switchboard", (string?)referred["source"]);
        Assert.Null(referred["note"]);
        Assert.Equal(1, (long)referred["sequence"]!);
        Assert.Equal("available", (string?)available["state"]);
        Assert.Equal(2, (long)available["sequence"]!);
        Assert.NotEqual((string?)referred["eventId"], (string?)available["eventId"]);
        Assert.Empty(_receiver.Refused);
        foreach (var body in _receiver.Bodies)
        {
            Assert.DoesNotContain(note, body, StringComparison.Ordinal);
            Assert.DoesNotContain("sick", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("sjuk", body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_receiver_down_for_two_minutes_then_gets_the_latest_state_and_nothing_older_after_it()
    {
        _receiver.Answer = HttpStatusCode.ServiceUnavailable;
        await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "meeting", until = "2026-11-23T15:00" });
        await Eventually.TrueAsync(() => Task.FromResult(!_receiver.Bodies.IsEmpty), "a first attempt");
        await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "lunch", until = "2026-11-23T12:00" });
        await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "errand", until = "2026-11-23T14:00" });
        // Another person changed during the outage too: nobody's latest state is lost.
        await _client.PutJsonAsync($"/api/referrals/{SaraUpn}/manual", new { reason = "training", until = "2026-11-23T16:00" });
        await _client.PutJsonAsync($"/api/referrals/{SaraUpn}/manual", new { reason = "vacation", until = "2026-11-25T08:00" });

        var attempts = await AdvanceAsync(TimeSpan.FromMinutes(2), () => false);
        Assert.True(attempts >= 2, $"retried while down ({_receiver.Bodies.Count} attempts)");
        _receiver.Answer = HttpStatusCode.OK;
        await AdvanceAsync(
            TimeSpan.FromMinutes(15),
            () => _receiver.Accepted.Any(a => (string?)a["reason"] == "errand") && _receiver.Accepted.Any(a => (string?)a["reason"] == "vacation"));

        var kim = _receiver.Accepted.Where(a => (string?)a["person"]!["upn"] == KimUpn).ToList();
        Assert.Equal("errand", (string?)kim[^1]["reason"]);
        Assert.Equal("2026-11-23T14:00:00+01:00", (string?)kim[^1]["returnsAt"]);
        Assert.Equal(kim.Select(a => (long)a["sequence"]!).Order(), kim.Select(a => (long)a["sequence"]!));
        var sara = _receiver.Accepted.Where(a => (string?)a["person"]!["upn"] == SaraUpn).ToList();
        Assert.Equal("vacation", (string?)sara[^1]["reason"]);
        Assert.Equal("2026-11-25T08:00:00+01:00", (string?)sara[^1]["returnsAt"]);
        Assert.Equal(sara.Select(a => (long)a["sequence"]!).Order(), sara.Select(a => (long)a["sequence"]!));
        Assert.Empty(_receiver.Refused);
    }

    [Fact]
    public async Task A_referral_that_starts_later_is_published_when_it_starts_and_when_it_ends()
    {
        await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "training", from = "2026-11-23T10:00", until = "2026-11-23T11:00" });
        var before = await AcceptedAsync(1, "the state now: still available");
        Assert.Equal("available", (string?)before["state"]);

        await AdvanceAsync(TimeSpan.FromMinutes(61), () => _receiver.Accepted.Count >= 2);
        Assert.Equal("referred", (string?)_receiver.Accepted[1]["state"]);
        Assert.Equal("training", (string?)_receiver.Accepted[1]["reason"]);

        await AdvanceAsync(TimeSpan.FromMinutes(61), () => _receiver.Accepted.Count >= 3);
        Assert.Equal("available", (string?)_receiver.Accepted[2]["state"]);
    }

    [Fact]
    public async Task After_a_day_of_failures_the_delivery_is_a_dead_letter_on_readyz_and_an_admin_replays_it()
    {
        _receiver.Answer = HttpStatusCode.InternalServerError;
        await _client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "meeting", until = "2026-11-24T15:00" });
        await Eventually.TrueAsync(() => Task.FromResult(!_receiver.Bodies.IsEmpty), "a first attempt");

        await AdvanceAsync(TimeSpan.FromHours(25), () => false, step: TimeSpan.FromMinutes(10));
        // The next failure after a day makes the dead letter; the worker may still be a retry behind the clock.
        var ready = await Eventually.ValueAsync(
            async () =>
            {
                _app.Clock.Advance(TimeSpan.FromMinutes(10));
                return (await _client.GetJsonAsync("/readyz")).Body!;
            },
            r => (string?)r["checks"]!["publishing"]!["status"] == "Degraded",
            "publishing degraded by the dead letter");
        Assert.Contains("vaxeln 1", (string?)ready["checks"]!["publishing"]!["description"], StringComparison.Ordinal);
        Assert.DoesNotContain(KimId, ready.ToJsonString(), StringComparison.Ordinal);

        _receiver.Answer = HttpStatusCode.OK;
        using var replay = await _client.PostAsync(new Uri("/api/publish/dead-letters/replay?destination=vaxeln", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(1, (int)JsonNode.Parse(await replay.Content.ReadAsStringAsync())!["replayed"]!);
        var delivered = await AcceptedAsync(1, "the replayed delivery");
        Assert.Equal("meeting", (string?)delivered["reason"]);
        (_, var after) = await _client.GetJsonAsync("/readyz");
        Assert.Equal("Healthy", (string?)after!["checks"]!["publishing"]!["status"]);
    }

    [Fact]
    public async Task Replaying_an_unknown_destination_is_404()
    {
        using var replay = await _client.PostAsync(new Uri("/api/publish/dead-letters/replay?destination=nope", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, replay.StatusCode);
    }

    private Task<JsonNode> AcceptedAsync(int count, string what) =>
        Eventually.ValueAsync(() => Task.FromResult(_receiver.Accepted), a => a.Count >= count, what).ContinueWith(t => t.Result[count - 1], TaskScheduler.Default);

    /// <summary>Moves the fake clock forward in steps, giving the queue's worker a moment after each; returns the attempts seen.</summary>
    private async Task<int> AdvanceAsync(TimeSpan total, Func<bool> done, TimeSpan? step = null)
    {
        var by = step ?? TimeSpan.FromSeconds(5);
        for (var moved = TimeSpan.Zero; moved < total && !done(); moved += by)
        {
            _app.Clock.Advance(by);
            await Task.Delay(30);
        }

        return _receiver.Bodies.Count;
    }
}
