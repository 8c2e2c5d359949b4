using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PresenceBot.Calendar;
using PresenceBot.CalendarSync.WriteBack;
using PresenceBot.GraphStandIn;
using PresenceBot.GraphStandIn.Calendars;
using PresenceBot.Tests.Calendar;
using static PresenceBot.Tests.ApiClient;

namespace PresenceBot.Tests.Publishing;

/// <summary>
/// What the write-back tests share: an organisation file with write-back set for every municipality, Kim's events in
/// the host's built-in Graph stand-in (ours are the ones with our mark), and waiting until writes and re-reads are done.
/// </summary>
internal static class WriteBackHost
{
    private const string SettledKinds = "\"Kind\" IN ('referral-changed', 'publish:outlook', 'calendar-reread')";

    public static Dictionary<string, string?> Settings(string writeBack, string? kimCoupling = null)
    {
        var organisation = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Organisation", "sample-organisation.json")))!;
        foreach (var municipality in organisation["municipalities"]!.AsArray())
        {
            municipality!["writeBack"] = writeBack;
        }

        if (kimCoupling is not null)
        {
            organisation["people"]!.AsArray().Single(p => (string?)p!["id"] == KimId)!["calendarCoupling"] = kimCoupling;
        }

        var folder = Directory.CreateTempSubdirectory("presencebot-writeback-").FullName;
        var file = Path.Combine(folder, "organisation.json");
        File.WriteAllText(file, organisation.ToJsonString());
        return new Dictionary<string, string?> { ["Organisation:File"] = file };
    }

    public static GraphStandInServer Graph(PresenceBotApplication app) => Graph(app.Services);

    public static GraphStandInServer Graph(IServiceProvider services) => services.GetRequiredService<GraphStandInHost>().Server!;

    public static IReadOnlyList<StandInEvent> Ours(GraphStandInServer graph) =>
        graph.Calendars.Events(KimId).Where(e => e.ExtendedProperties.Any(p => string.Equals(p.Id, WriteBackMarker.PropertyId, StringComparison.OrdinalIgnoreCase))).ToList();

    public static int Writes(GraphStandInServer graph, string method) =>
        graph.ReceivedWrites.Count(w => w.Method == method && w.Path.StartsWith($"/users/{KimId}/events", StringComparison.OrdinalIgnoreCase));

    public static Task<long> CountAsync(PresenceBotApplication app, string table, string where = "1 = 1") => TestDatabase.CountAsync(app.DatabasePath, table, where);

    /// <summary>Kim's calendar subscribed and read; the switchboard API sets Kim's meeting until 15.00; written and re-read.</summary>
    public static async Task<StandInEvent> MeetingWrittenAsync(PresenceBotApplication app)
    {
        using var client = app.CreateClient();
        await SubscribedAsync(app);
        await client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "meeting", until = "2026-11-23T15:00" });
        var written = (await Eventually.ValueAsync(() => Task.FromResult(Ours(Graph(app))), e => e.Count == 1, "the meeting in Outlook"))[0];
        await SettledAsync(app);
        return written;
    }

    /// <summary>Kim's calendar subscribed and read once, so what is written next comes back as a notification.</summary>
    public static Task SubscribedAsync(PresenceBotApplication app) =>
        Eventually.TrueAsync(
            async () => await CountAsync(app, "graph_subscriptions", $"PersonId = '{KimId}'") == 1 && await CountAsync(app, "calendar_sync_states", $"PersonId = '{KimId}'") == 1,
            "Kim's calendar subscribed and read");

    /// <summary>
    /// Every change handed on and written, every notification it caused delivered and re-read. With
    /// <paramref name="advancing"/>, the test clock moves on by that much at each look, so retries that were put off
    /// (after Graph failures) come due too.
    /// </summary>
    public static async Task SettledAsync(PresenceBotApplication app, TimeSpan advancing = default)
    {
        await Eventually.TrueAsync(
            async () =>
            {
                app.Clock.Advance(advancing);
                return await CountAsync(app, "work_items", SettledKinds) == 0 && await CountAsync(app, "publish_written_events", "Pending IS NOT NULL") == 0;
            },
            "the changes written");
        await Graph(app).WhenNotificationsSettledAsync(CancellationToken.None);
        await Eventually.TrueAsync(
            async () =>
            {
                app.Clock.Advance(advancing);
                return await CountAsync(app, "work_items", SettledKinds) == 0;
            },
            "the calendar re-read");
    }
}
