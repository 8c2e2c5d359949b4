using System.Net;
using System.Text;
using static PresenceBot.Tests.Calendar.CalendarTestHost;

namespace PresenceBot.Tests.Calendar;

/// <summary>What our two Graph webhooks accept, answer and record (issue 3 §4). No Hangfire server: only the intake.</summary>
public sealed class GraphWebhookTests : IAsyncLifetime
{
    private CalendarTestHost _host = null!;

    public async Task InitializeAsync() => _host = await StartAsync(runServer: false);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/api/graph/notifications")]
    [InlineData("/api/graph/lifecycle")]
    public async Task The_validation_handshake_echoes_the_decoded_token_as_plain_text(string path)
    {
        using var content = new StringContent(string.Empty);
        using var response = await _host.Client.PostAsync(new Uri($"{path}?validationToken=a%20b%3Ac", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("a b:c", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{\"value\": [")]
    [InlineData("not json at all")]
    [InlineData("{\"value\": 5}")]
    [InlineData("{}")]
    [InlineData("{\"value\": null}")]
    [InlineData("[]")]
    public async Task A_body_that_is_no_notification_collection_is_400(string json)
    {
        using var response = await _host.PostWebhookAsync("/api/graph/notifications", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _host.CountAsync("work_items"));
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_413_with_or_without_a_content_length()
    {
        var (id, clientState, _) = await _host.SubscriptionOfAsync(Kim);
        var padding = new string(' ', (1024 * 1024) + 1);
        var json = Notification(id, clientState, Kim, "created", "AAMk-big") + padding;

        // Declared: answered from the Content-Length alone (a raw socket, since HttpClient would first send it all and
        // may meet the closed connection instead of the answer).
        var declared = await Switchboard.UnsentBody.StatusLineAsync("POST", _host.Client.BaseAddress!, "/api/graph/notifications", Encoding.UTF8.GetByteCount(json));
        Assert.StartsWith("HTTP/1.1 413", declared, StringComparison.Ordinal);

        // Chunked: no Content-Length to check up front, so the limit has to hold while reading. The server answers and
        // closes while the client still sends; the client then sees either the 413 or the closed connection.
        using var chunked = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(json)));
        chunked.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        try
        {
            using var response = await _host.Client.PostAsync(new Uri("/api/graph/notifications", UriKind.Relative), chunked);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }
        catch (HttpRequestException e) when (e.InnerException is IOException)
        {
            // Refused before the body ended: what matters is below, that nothing was recorded.
        }

        Assert.Equal(0, await _host.CountAsync("work_items"));
    }

    [Fact]
    public async Task A_valid_notification_is_recorded_before_the_202()
    {
        var (id, clientState, _) = await _host.SubscriptionOfAsync(Kim);

        using var response = await _host.PostWebhookAsync("/api/graph/notifications", Notification(id, clientState, Kim, "created", "AAMk-1"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, await _host.CountAsync("work_items", $"Kind = 'calendar-reread' AND Key = '{Kim}' AND LeaseUntil IS NULL"));
    }

    [Fact]
    public async Task Unknown_subscription_and_wrong_clientState_are_accepted_but_discarded_without_any_data_change()
    {
        var (id, clientState, _) = await _host.SubscriptionOfAsync(Kim);
        var before = await SnapshotAsync();

        string[] bodies =
        [
            Notification("00000000-0000-0000-0000-000000000000", clientState, Kim, "created", "AAMk-x"),
            Notification(id, clientState + "x", Kim, "created", "AAMk-x"),
            Notification(id, string.Empty, Kim, "created", "AAMk-x"),
            Notification(id, clientState, Kim, "exploded", "AAMk-x"),
            "{\"value\": [null, {}]}",
            "{\"value\": []}",
        ];
        foreach (var body in bodies)
        {
            using var response = await _host.PostWebhookAsync("/api/graph/notifications", body);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        using (var lifecycle = await _host.PostWebhookAsync("/api/graph/lifecycle", Lifecycle(id, "wrong", "missed")))
        {
            Assert.Equal(HttpStatusCode.Accepted, lifecycle.StatusCode);
        }

        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(0, await _host.CountAsync("work_items"));
        Assert.Contains(_host.App.Logs.Lines, l => l.Contains("Discarded a Graph notification: wrong clientState", StringComparison.Ordinal));
        Assert.Contains(_host.App.Logs.Lines, l => l.Contains("Discarded a Graph notification: unknown subscription", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.App.Logs.Lines, l => l.Contains(clientState, StringComparison.Ordinal));
    }

    private async Task<string> SnapshotAsync()
    {
        var counts = new List<long>();
        foreach (var table in new[] { "work_items", "graph_subscriptions", "referrals", "audit_entries", "calendar_sync_states" })
        {
            counts.Add(await _host.CountAsync(table));
        }

        return string.Join(",", counts);
    }

    /// <summary>Makes HttpClient send the body chunked (it can't know the length up front).</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
