using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PresenceBot.GraphStandIn.Tests.Writes;

/// <summary>Everything written to Graph is kept, in order, so a privacy test can scan it.</summary>
public sealed class ReceivedWritesTests
{
    [Fact]
    public async Task EveryWrite_DirectInBatchOrFaulted_IsRecordedWithItsBody_ReadsAreNot()
    {
        await using var standIn = await StandIn.StartAsync();
        await standIn.DevAsync(HttpMethod.Post, "faults", new { status = 503, count = 1, pathPrefix = "/users/anna/presence" });

        using var faulted = await standIn.Http.PostAsJsonAsync("users/anna/presence/setStatusMessage", new
        {
            statusMessage = new { message = new { content = "första försöket", contentType = "text" } },
        });
        using var created = await standIn.Http.PostAsJsonAsync("users/anna/events", new
        {
            subject = "FRÅ: Frånvarande",
            start = new { dateTime = "2026-11-23T09:00:00", timeZone = "UTC" },
            end = new { dateTime = "2026-11-23T10:00:00", timeZone = "UTC" },
            body = new { contentType = "text", content = "kroppen" },
        });
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        await standIn.Http.GetAsync($"users/anna/events/{id}");
        await standIn.Http.PostAsJsonAsync("$batch", new
        {
            requests = new object[]
            {
                new { id = "1", method = "POST", url = "/users/anna/presence/setStatusMessage", body = new { statusMessage = new { message = new { content = "i batchen", contentType = "text" } } }, headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" } },
            },
        });
        await standIn.Http.DeleteAsync($"users/anna/events/{id}");
        using var dev = await standIn.DevAsync(HttpMethod.Get, "writes");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        var writes = standIn.Server.ReceivedWrites;
        Assert.Equal(
            ["POST /users/anna/presence/setStatusMessage", "POST /users/anna/events", "POST /users/anna/presence/setStatusMessage", $"DELETE /users/anna/events/{id}"],
            writes.Select(w => $"{w.Method} {w.Path}"));
        Assert.Contains("första försöket", writes[0].Body, StringComparison.Ordinal);
        Assert.Contains("kroppen", writes[1].Body, StringComparison.Ordinal);
        Assert.Contains("i batchen", writes[2].Body, StringComparison.Ordinal);
        Assert.Empty(writes[3].Body);
        var listed = JsonNode.Parse(await dev.Content.ReadAsStringAsync())!["value"]!.AsArray();
        Assert.Equal(4, listed.Count);
        Assert.Contains("kroppen", listed[1]!["body"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
