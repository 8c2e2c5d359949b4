using System.Net;
using System.Text.Json.Nodes;
using static PresenceBot.Tests.ApiClient;

namespace PresenceBot.Tests.OperatorPage;

/// <summary>/switchboard/events: hello on connect, then the id of whoever changed, from this instance or another.</summary>
public sealed class ChangeStreamTests
{
    [Fact]
    public async Task AChangeThroughTheApi_ReachesAnOpenStream_AsThePersonsId()
    {
        await using var app = new PresenceBotApplication();
        using var client = app.CreateClient();
        await using var stream = await EventStreamReader.OpenAsync(client);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("hello", (await stream.NextAsync())!.Value.Name);

        await client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "meeting", until = "2026-11-23T15:00" });

        var changed = await stream.NextAsync();
        Assert.Equal("changed", changed!.Value.Name);
        Assert.Equal(KimId, (string?)JsonNode.Parse(changed.Value.Data)!["person"]);
    }

    [Fact]
    public async Task AChangeMadeOnAnotherInstance_ReachesThisOnesStream_ThroughTheAuditTrail()
    {
        // Two instances on one database. This one runs no queue worker, so the outbox can't tell it: only its poll can.
        await using var here = new PresenceBotApplication(new Dictionary<string, string?> { ["WorkQueue:RunWorker"] = "false" });
        await using var other = new PresenceBotApplication(folder: here.Folder);
        using var hereClient = here.CreateClient();
        using var otherClient = other.CreateClient();
        await using var stream = await EventStreamReader.OpenAsync(hereClient);
        Assert.Equal("hello", (await stream.NextAsync())!.Value.Name);

        var (status, _) = await otherClient.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "meeting", until = "2026-11-23T15:00" });
        Assert.Equal(HttpStatusCode.OK, status);
        here.Clock.Advance(TimeSpan.FromSeconds(1));

        var changed = await stream.NextAsync();
        Assert.Equal("changed", changed!.Value.Name);
        Assert.Equal(KimId, (string?)JsonNode.Parse(changed.Value.Data)!["person"]);
    }

    [Fact]
    public async Task AStream_EndsWhenTheServiceStops_SoThePageReconnects()
    {
        var app = new PresenceBotApplication();
        using var client = app.CreateClient();
        await using var stream = await EventStreamReader.OpenAsync(client);
        Assert.Equal("hello", (await stream.NextAsync())!.Value.Name);

        var stopping = app.DisposeAsync().AsTask();
        var next = await stream.NextAsync();

        Assert.Null(next);
        await stopping;
    }
}
