using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using PresenceBot.Storage;
using PresenceBot.WorkQueue;
using static PresenceBot.Tests.ApiClient;

namespace PresenceBot.Tests.Switchboard;

/// <summary>Replaying dead letters is an admin's act: a switchboard's key reads and writes referrals, only a key named in <c>Switchboard:AdminKeys</c> replays.</summary>
public sealed class AdminKeyTests : IAsyncLifetime
{
    private const string TrioKey = "trio-0123456789abcdef0123456789abcdef";
    private const string OpsKey = "ops-0123456789abcdef0123456789abcdef0";

    private readonly PresenceBotApplication _app = new(new Dictionary<string, string?>
    {
        ["Switchboard:ApiKeys:trio"] = TrioKey,
        ["Switchboard:ApiKeys:ops"] = OpsKey,
        ["Switchboard:AdminKeys:0"] = "ops",
        ["Publish:Webhooks:0:Name"] = "vaxeln",
        ["Publish:Webhooks:0:Url"] = "http://127.0.0.1:9/hooks",
        ["Publish:Webhooks:0:Secret"] = "a-receiver-secret-of-32-characters!",
    });

    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/api/publish/dead-letters/replay", null, HttpStatusCode.Unauthorized)]
    [InlineData("/api/publish/dead-letters/replay", TrioKey, HttpStatusCode.Forbidden)]
    [InlineData("/api/publish/dead-letters/replay", OpsKey, HttpStatusCode.OK)]
    [InlineData("/api/work/dead-letters/replay?kind=calendar-reread", null, HttpStatusCode.Unauthorized)]
    [InlineData("/api/work/dead-letters/replay?kind=calendar-reread", TrioKey, HttpStatusCode.Forbidden)]
    [InlineData("/api/work/dead-letters/replay?kind=calendar-reread", OpsKey, HttpStatusCode.OK)]
    [InlineData("/api/work/dead-letters/replay?kind=no-such-work", OpsKey, HttpStatusCode.NotFound)]
    [InlineData("/api/work/dead-letters/replay", OpsKey, HttpStatusCode.BadRequest)]
    public async Task Replay_needs_an_admin_key(string path, string? key, HttpStatusCode expected)
    {
        using var response = await PostAsync(path, key);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task The_switchboards_key_still_reads_and_writes_referrals()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/referrals/{KimUpn}");
        request.Headers.Add("X-Api-Key", TrioKey);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_dead_letter_of_any_kind_is_replayed_by_kind_and_only_that_kind()
    {
        await AddDeadLetterAsync("calendar-reread", KimId);
        await AddDeadLetterAsync("publish:vaxeln", KimId);

        using var forbidden = await PostAsync("/api/work/dead-letters/replay?kind=calendar-reread", TrioKey);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(2, await TestDatabase.CountAsync(_app.DatabasePath, "work_dead_letters"));

        using var replay = await PostAsync("/api/work/dead-letters/replay?kind=calendar-reread", OpsKey);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(1, (int)JsonNode.Parse(await replay.Content.ReadAsStringAsync())!["replayed"]!);
        Assert.Equal(0, await TestDatabase.CountAsync(_app.DatabasePath, "work_dead_letters", "Kind = 'calendar-reread'"));
        Assert.Equal(1, await TestDatabase.CountAsync(_app.DatabasePath, "work_dead_letters", "Kind = 'publish:vaxeln'"));
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return await _client.SendAsync(request);
    }

    private async Task AddDeadLetterAsync(string kind, string key)
    {
        var contexts = _app.Services.GetRequiredService<IDbContextFactory<PresenceBotDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var at = Instant.FromDateTimeOffset(_app.Clock.GetUtcNow());
        db.DeadLetters.Add(new DeadLetterRow { Kind = kind, Key = key, Attempts = 20, FirstError = "test", LastError = "test", CreatedAt = at - Duration.FromDays(1), DeadAt = at });
        await db.SaveChangesAsync();
    }
}
