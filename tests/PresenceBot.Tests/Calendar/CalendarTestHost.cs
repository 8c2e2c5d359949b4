using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PresenceBot.Calendar;
using PresenceBot.GraphStandIn;
using PresenceBot.GraphStandIn.Calendars;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.Tests.Calendar;

/// <summary>
/// The real host with a Hangfire server and its built-in Graph stand-in (or a Graph the test started), plus the
/// helpers the calendar tests share: booking through the stand-in, waiting for the referral over the API, and
/// reading what the database holds.
/// </summary>
public sealed class CalendarTestHost : IAsyncDisposable
{
    public const string Kim = "6f1c2a8e-3d4b-4c5e-9f60-7a8b9c0d1e2f";
    public const string Sara = "ee773616-c5ea-4b74-b7a8-491b07114505";
    public const string Lena = "48f9fe41-963e-4e19-bb34-52384a389ac1";
    public const string Zone = "W. Europe Standard Time";

    private CalendarTestHost(PresenceBotApplication app, HttpClient client, GraphStandInServer? external)
    {
        App = app;
        Client = client;
        ExternalGraph = external;
    }

    public PresenceBotApplication App { get; }

    public HttpClient Client { get; }

    /// <summary>Set when the test runs its own Graph (Graph:BaseUrl) instead of the host's built-in stand-in.</summary>
    public GraphStandInServer? ExternalGraph { get; }

    public GraphStandInServer Graph => ExternalGraph ?? App.Services.GetRequiredService<GraphStandInHost>().Server
        ?? throw new InvalidOperationException("The built-in stand-in is not running.");

    public IReadOnlyList<Person> CoupledPeople =>
        App.Services.GetRequiredService<IOrganisationSource>().Current.People.Where(p => p.CalendarCoupling != CalendarCoupling.Off).ToList();

    /// <summary>
    /// Starts the host (Hangfire server on unless <paramref name="runServer"/> is false) and waits until every
    /// coupled person has a subscription and a first full read. <paramref name="coupled"/> says how many that is
    /// when group members join during start-up (counting them at once would race with Graph's answer).
    /// <paramref name="now"/> sets the host's (still fake) clock before it starts.
    /// </summary>
    public static async Task<CalendarTestHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        string? folder = null,
        bool runServer = true,
        GraphStandInServer? graph = null,
        Action<IServiceCollection>? services = null,
        int? coupled = null,
        DateTimeOffset? now = null)
    {
        var merged = new Dictionary<string, string?>
        {
            ["Jobs:RunServer"] = runServer ? "true" : "false",
            // No server means no background work at all: no Hangfire jobs and no work queue worker either.
            ["WorkQueue:RunWorker"] = runServer ? "true" : "false",
            ["GraphStandIn:Port"] = "0",
            // Per-sync lines are Debug (hundreds a second under load); some tests count them.
            ["Logging:LogLevel:PresenceBot.CalendarSync"] = "Debug",
        };
        if (graph is not null)
        {
            merged["Graph:BaseUrl"] = graph.BaseUrl.AbsoluteUri.TrimEnd('/');
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        var app = new PresenceBotApplication(merged, folder, services);
        if (now is { } start)
        {
            app.Clock.SetUtcNow(start);
        }

        var host = new CalendarTestHost(app, app.CreateClient(), graph);
        var expected = coupled ?? host.CoupledPeople.Count;
        await Eventually.TrueAsync(async () => await host.CountAsync("graph_subscriptions") == expected, "every coupled person subscribed");
        // The first read of every calendar happens at start in this process (in $batch), with or without a Hangfire server.
        await Eventually.TrueAsync(async () => await host.CountAsync("calendar_sync_states") == expected, "every coupled calendar read once");

        return host;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }

    public static EventDraft Draft(string subject, string start, string end, string showAs = "busy") => new()
    {
        Subject = subject,
        ShowAs = showAs,
        Start = new DateTimeTimeZone(start, Zone),
        End = new DateTimeTimeZone(end, Zone),
    };

    public async Task<string> BookAsync(string personId, EventDraft draft) =>
        (await Graph.Calendars.CreateEventAsync(personId, draft, CancellationToken.None)).Id;

    public async Task<JsonNode> StatusAsync(string person)
    {
        var (status, body) = await Client.GetJsonAsync($"/api/referrals/{person}");
        Assert.Equal(HttpStatusCode.OK, status);
        return body!;
    }

    /// <summary>Polls the person's status until <paramref name="until"/> holds (10 s at most).</summary>
    public Task<JsonNode> StatusWhenAsync(string person, Func<JsonNode, bool> until, string what) =>
        Eventually.ValueAsync(() => StatusAsync(person), until, what);

    /// <summary>Waits until the stand-in delivered everything and the calendar work it asked for is done.</summary>
    public async Task SettledAsync()
    {
        using var timeout = new CancellationTokenSource(Eventually.Timeout);
        await Graph.WhenNotificationsSettledAsync(timeout.Token);
        await Eventually.TrueAsync(async () => await CountAsync("work_items", "Kind LIKE 'calendar-%'") == 0, "every calendar work item done");
    }

    public Task<long> CountAsync(string table, string where = "1 = 1") => TestDatabase.CountAsync(App.DatabasePath, table, where);

    public Task<Dictionary<string, long>> ValuesByKeyAsync(string table, string column, string where = "1 = 1") =>
        TestDatabase.ValuesByKeyAsync(App.DatabasePath, table, column, where);

    /// <summary>The person's subscription as we stored it (id, clientState, expiry in Unix ticks).</summary>
    public async Task<(string Id, string ClientState, long ExpiresAt)> SubscriptionOfAsync(string personId) =>
        await FindSubscriptionAsync(personId) ?? throw new Xunit.Sdk.XunitException($"no subscription stored for {personId}");

    /// <summary>As <see cref="SubscriptionOfAsync"/>, or null (e.g. between dropping an old one and storing its replacement).</summary>
    public async Task<(string Id, string ClientState, long ExpiresAt)?> FindSubscriptionAsync(string personId)
    {
        await using var connection = new SqliteConnection($"Data Source={App.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, ClientState, ExpiresAt FROM graph_subscriptions WHERE PersonId = $person";
        command.Parameters.AddWithValue("$person", personId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        var result = (reader.GetString(0), reader.GetString(1), reader.GetInt64(2));
        Assert.False(await reader.ReadAsync(), $"more than one subscription stored for {personId}");
        return result;
    }

    /// <summary>Posts raw JSON to one of our webhooks, as Graph would.</summary>
    public async Task<HttpResponseMessage> PostWebhookAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await Client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>One change notification as Graph sends it; <paramref name="etag"/> is the event version's <c>@odata.etag</c>.</summary>
    public static string Notification(string subscriptionId, string clientState, string personId, string changeType, string eventId, string? etag = null) =>
        new JsonObject
        {
            ["value"] = new JsonArray(new JsonObject
            {
                ["subscriptionId"] = subscriptionId,
                ["clientState"] = clientState,
                ["changeType"] = changeType,
                ["resource"] = $"Users/{personId}/Events/{eventId}",
                ["resourceData"] = etag is null ? new JsonObject { ["id"] = eventId } : new JsonObject { ["@odata.etag"] = etag, ["id"] = eventId },
            }),
        }.ToJsonString();

    public static string Lifecycle(string subscriptionId, string clientState, string lifecycleEvent) =>
        new JsonObject
        {
            ["value"] = new JsonArray(new JsonObject
            {
                ["subscriptionId"] = subscriptionId,
                ["clientState"] = clientState,
                ["lifecycleEvent"] = lifecycleEvent,
            }),
        }.ToJsonString();
}

/// <summary>Bounded polling instead of sleeps: asynchronous processing is waited for, never guessed.</summary>
public static class Eventually
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what)
    {
        await ValueAsync(condition, ok => ok, what);
    }

    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> until, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (until(value))
            {
                return value;
            }

            if (clock.Elapsed > Timeout)
            {
                Assert.Fail($"Not within {Timeout.TotalSeconds} s: {what}. Last seen: {value}");
            }

            await Task.Delay(Poll);
        }
    }
}
