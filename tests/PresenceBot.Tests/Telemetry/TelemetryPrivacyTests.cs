using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PresenceBot.GraphStandIn.Faults;
using PresenceBot.Referrals.Reminders;
using PresenceBot.Reminders;
using PresenceBot.TeamsChannel.Tests.Support;
using PresenceBot.Telemetry;
using static PresenceBot.Tests.ApiClient;
using static PresenceBot.Tests.Calendar.CalendarTestHost;

namespace PresenceBot.Tests.Telemetry;

/// <summary>
/// Issue 15 §2: spans, metrics and logs carry ids, never names, subjects, notes or reasons — with every kind of work
/// done once: a booking re-read (after a 429 from Graph), an operator's write and its outbox delivery, a bot turn and a
/// reminder sent through Teams.
/// </summary>
public sealed class TelemetryPrivacyTests
{
    [Fact]
    public async Task Spans_metrics_and_logs_hold_no_name_upn_subject_or_note()
    {
        var subject = "Budget" + Guid.NewGuid().ToString("N");
        var note = "Anteckning" + Guid.NewGuid().ToString("N");
        var spans = new ConcurrentQueue<Activity>();
        var logs = new ConcurrentQueue<string>();
        var metrics = new List<Metric>();
        await using var connector = await ConnectorStandIn.StartAsync();
        await using var host = await StartAsync(
            new Dictionary<string, string?> { ["Telemetry:Collect"] = "true" },
            services: services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(new Collect<Activity>(spans.Enqueue)));
                services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
                services.ConfigureOpenTelemetryLoggerProvider(logging => logging.AddProcessor(new Collect<LogRecord>(r => logs.Enqueue(Describe(r)))));
            });

        // Graph throttles the first read once (the SDK waits Retry-After and asks again).
        host.Graph.Faults.Add(new FaultRule { Status = 429, RetryAfterSeconds = 0, PathPrefix = $"/users/{Kim}/calendarView" });
        await host.BookAsync(Kim, Draft($"SAM: {subject}", "2026-11-23T08:00:00", "2026-11-23T11:00:00"));
        await host.StatusWhenAsync(Kim, s => (string?)s["state"] == "referred", "Kim referred by the booking");
        var (put, _) = await host.Client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "sick", until = "2026-11-23T15:00", note });
        Assert.Equal(System.Net.HttpStatusCode.OK, put);
        await host.Client.GetJsonAsync($"/api/referrals/{KimUpn}");
        await host.Client.GetJsonAsync("/api/referrals/nobody.here@lycksele.se?x=kim.krona@lycksele.se");
        var (turn, _) = await BotEndpointClient.PostAsync(host.Client, new TeamsActivities(connector.ServiceUrl).Message("/status").ToJsonString(), token: null, "application/json");
        Assert.Equal(System.Net.HttpStatusCode.OK, turn);
        var reminder = await host.App.Services.GetRequiredService<ReminderDelivery>().DeliverAsync(
            new ReminderMessage
            {
                Kind = ReminderKind.VoicemailFirst,
                RecipientId = Kim,
                Subject = Kim,
                Slot = "telemetry-test",
                Title = "Röstmeddelande",
                Text = "Ett olyssnat röstmeddelande.",
                DueAt = NodaTime.Instant.FromDateTimeOffset(host.App.Clock.GetUtcNow()),
            },
            CancellationToken.None);
        Assert.Equal(ReminderOutcome.Sent, reminder);
        await host.SettledAsync();
        host.App.Services.GetRequiredService<MeterProvider>().ForceFlush();
        host.App.Services.GetRequiredService<TracerProvider>().ForceFlush();

        var seen = spans.Select(Describe).Concat(logs).Concat(metrics.SelectMany(Describe)).ToList();
        // The pipeline did see the work: the API call by its template, Graph by the person's id.
        Assert.Contains(seen, s => s.Contains("/api/referrals/{person}", StringComparison.Ordinal));
        Assert.Contains(seen, s => s.Contains($"/users/{Kim}", StringComparison.Ordinal));
        foreach (var name in new[]
        {
            "presencebot.graph.notifications.accepted", "presencebot.graph.throttled", "presencebot.graph.errors", "presencebot.calendar.reread.duration",
            "presencebot.work.lag", "presencebot.work.processed", "presencebot.bot.turn.duration", "presencebot.reminders.sent",
        })
        {
            Assert.Contains(metrics, m => m.Name == name);
        }

        // The outbox's lag is the work queue's for its kind.
        Assert.Contains(metrics.Where(m => m.Name == "presencebot.work.lag").SelectMany(Describe), d => d.Contains("kind=referral-changed", StringComparison.Ordinal));
        foreach (var secret in new[] { KimUpn, "kim.krona", "Kim Krona", "nobody.here", subject, note, "sick", "sjuk" })
        {
            Assert.DoesNotContain(seen, s => s.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Theory]
    [InlineData("/v1.0/users/kim.krona@lycksele.se/events", "/v1.0/users/{upn}/events")]
    [InlineData("/v1.0/users/kim.krona%40lycksele.se", "/v1.0/users/{upn}")]
    [InlineData("/v1.0/users/6f1c2a8e-3d4b-4c5e-9f60-7a8b9c0d1e2f/events", "/v1.0/users/6f1c2a8e-3d4b-4c5e-9f60-7a8b9c0d1e2f/events")]
    public void RedactPath_ReplacesUpnSegmentsOnly(string path, string expected) =>
        Assert.Equal(expected, TelemetryRedaction.RedactPath(path));

    private static string Describe(Activity span) =>
        $"{span.Source.Name} {span.DisplayName} {span.StatusDescription} "
        + string.Join(' ', span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
        + string.Join(' ', span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}")));

    private static string Describe(LogRecord record) =>
        $"{record.CategoryName} {record.FormattedMessage} {record.Body} {record.Exception} "
        + string.Join(' ', (record.Attributes ?? []).Select(a => $"{a.Key}={a.Value}"));

    private static IEnumerable<string> Describe(Metric metric)
    {
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            var tags = new List<string>();
            foreach (var tag in point.Tags)
            {
                tags.Add($"{tag.Key}={tag.Value}");
            }

            yield return $"{metric.Name} {string.Join(' ', tags)}";
        }
    }

    /// <summary>Records what ends, as it ends (log records are pooled and reused after export, so they are described at once).</summary>
    private sealed class Collect<T>(Action<T> record) : BaseProcessor<T>
    {
        public override void OnEnd(T data) => record(data);
    }
}
