using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NodaTime;
using PresenceBot.Referrals.WorkingTime;
using PresenceBot.Tests.Hosting;
using PresenceBot.Tests.Storage;

namespace PresenceBot.Tests.Publishing;

/// <summary>
/// Issue 12, "Done means": a process killed mid-delivery loses nothing. The built service runs as a process of its own
/// on a SQLite file, publishing to a signing receiver on loopback; referral changes come through the switchboard API;
/// the receiver holds deliveries unanswered, the process gets SIGKILL while one is in flight (with later changes
/// committed and not yet published), and a new process on the same database must bring the receiver every person's
/// latest state, newer sequences only, never an older state after a newer one. Real time (two processes), bounded.
/// On PostgreSQL the killed process's claims are not freed at the next start (another instance may hold them): they
/// run out after the kind's lease (2 min), so the bound after the restart is longer there.
/// </summary>
public sealed class KilledMidDeliveryTests
{
    private const string Secret = "a-receiver-secret-of-32-characters!";
    private const string ApiKey = "kill-test-0123456789abcdef0123456789abcdef";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan LeaseAndBound = TimeSpan.FromMinutes(2) + Bound;

    private static readonly string[] People =
    [
        "kim.krona@lycksele.se", "sara.nordin@lycksele.se", "erik.holm@storuman.se", "maria.berg@storuman.se",
        "jonas.ek@storuman.se", "elin.sjoberg@lycksele.se", "karin.forsberg@dorotea.se", "olof.nystrom@asele.se",
    ];

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task A_process_killed_while_a_delivery_is_in_flight_loses_nothing(DbProvider provider)
    {
        // Created, not migrated: the service migrates it at start, as in production.
        await using var database = await Storage.TestDatabase.CreateAsync(provider, migrate: false);
        await using var receiver = await SigningReceiver.StartAsync(Secret, TimeProvider.System.GetUtcNow);
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = provider == DbProvider.Sqlite ? "Sqlite" : "Postgres",
            ["ConnectionStrings:PresenceBot"] = database.ConnectionString,
            ["Switchboard:ApiKeys:kill-test"] = ApiKey,
            ["Publish:Webhooks:0:Name"] = "vaxeln",
            ["Publish:Webhooks:0:Url"] = receiver.Url,
            ["Publish:Webhooks:0:Secret"] = Secret,
            ["Jobs:RunServer"] = "false",
            ["GraphStandIn:Port"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var last = new Dictionary<string, string>(StringComparer.Ordinal);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await using (var first = await StartAsync("first", settings, http))
        {
            using var api = Client(first);
            await ChangeEveryoneAsync(api, round: 0, last);
            await WithinBoundAsync(() => People.All(p => LatestOf(receiver, p) is not null), "a first delivery for everyone", first);

            receiver.Hold();
            await ChangeEveryoneAsync(api, round: 1, last);
            Assert.True(await receiver.WhenHeldAsync(Bound), $"no delivery came to be held:\n{first.OutputTail()}");
            // Committed (200), most of them not yet published: the outbox and the queue must carry them over the kill.
            await ChangeEveryoneAsync(api, round: 2, last);
            first.Kill();
        }

        // Whatever came after the hold reaches the receiver only through the second process.
        Assert.All(receiver.Accepted, a => Assert.Equal(0, RoundOf((string?)a["returnsAt"])));
        receiver.Release();
        await using var second = await StartAsync("second", settings, http);
        await WithinBoundAsync(
            () => People.All(p => LatestOf(receiver, p) is { } latest && (string?)latest["returnsAt"] == last[p]),
            "every person's latest state at the receiver after the restart",
            second,
            provider == DbProvider.Sqlite ? Bound : LeaseAndBound);

        Assert.Empty(receiver.Refused);
        foreach (var person in People)
        {
            var accepted = receiver.Accepted.Where(a => (string?)a["person"]!["upn"] == person).ToList();
            var sequences = accepted.Select(a => (long)a["sequence"]!).ToList();
            Assert.Equal(sequences.Order(), sequences);
            // Each accepted state is one of the changes, in the order they were made (some skipped, none back in time).
            var rounds = accepted.Select(a => RoundOf((string?)a["returnsAt"])).ToList();
            Assert.Equal(rounds.Order(), rounds);
            Assert.Equal(rounds.Distinct().Count(), rounds.Count);
        }

        // A retry sends the very same message: one body per event id, whatever crashed in between.
        var bodies = receiver.Bodies.Select(b => JsonNode.Parse(b)!).GroupBy(b => (string?)b["eventId"]);
        Assert.All(bodies, g => Assert.Single(g.Select(b => b.ToJsonString()).Distinct()));
    }

    /// <summary>The service in Development (the built-in Graph stand-in), ready (<c>/readyz</c>) within the bound.</summary>
    private static async Task<ServiceInstance> StartAsync(string name, Dictionary<string, string> settings, HttpClient http)
    {
        var service = ServiceInstance.Start(name, [.. settings.Select(s => $"--{s.Key}={s.Value}")], environment: "Development");
        try
        {
            await service.WaitReadyAsync(http, Bound);
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }

        return service;
    }

    private static HttpClient Client(ServiceInstance service)
    {
        var client = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    /// <summary>One change per person: a meeting until a moment that says which round and person it was.</summary>
    private static async Task ChangeEveryoneAsync(HttpClient api, int round, Dictionary<string, string> last)
    {
        for (var i = 0; i < People.Length; i++)
        {
            var until = Until(round, i);
            using var response = await api.PutAsJsonAsync(new Uri($"api/referrals/{People[i]}/manual", UriKind.Relative), new { reason = "meeting", until });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            last[People[i]] = (string)body["returnsAt"]!;
        }
    }

    /// <summary>
    /// The first working day at least two days ahead (the sample organisation's calendar) at the start of working hours, plus a minute per
    /// person and 20 per round. A working day, not simply the day after tomorrow: a return on a Saturday becomes Monday
    /// 08:00 in every round, so the rounds would not differ and there would be nothing new to publish.
    /// </summary>
    private static string Until(int round, int person)
    {
        var organisation = new TestOrganisation().Current;
        var calendar = new WorkingCalendar(organisation);
        var today = Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow()).InZone(organisation.TimeZone).Date;
        var day = calendar.WorkingDayOnOrAfter(today.PlusDays(2));
        return day.At(organisation.WorkingHours.Start).PlusMinutes((round * 20) + person).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
    }

    private static int RoundOf(string? returnsAt) =>
        DateTimeOffset.Parse(returnsAt!, CultureInfo.InvariantCulture).Minute / 20;

    private static JsonNode? LatestOf(SigningReceiver receiver, string upn) =>
        receiver.Accepted.LastOrDefault(a => (string?)a["person"]!["upn"] == upn);

    private static async Task WithinBoundAsync(Func<bool> condition, string what, ServiceInstance service, TimeSpan? within = null)
    {
        var bound = within ?? Bound;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > bound)
            {
                throw new TimeoutException($"Not within {bound.TotalSeconds:F0} s: {what}.\n{service.OutputTail()}");
            }

            await Task.Delay(100);
        }
    }
}
