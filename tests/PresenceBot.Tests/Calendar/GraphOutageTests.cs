using System.Globalization;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using PresenceBot.GraphStandIn.Faults;
using PresenceBot.WorkQueue;
using Xunit.Abstractions;
using static PresenceBot.Tests.Calendar.CalendarTestHost;

namespace PresenceBot.Tests.Calendar;

/// <summary>
/// Issue 13 item 7: Graph answering 503 for six hours. Simulated minute by minute on the fake clock, with every
/// recurring job fired through Hangfire when its cron says (the minute jobs, the group and subscription rounds, the
/// nightly full re-read and retention): one waiting re-read per person throughout, backing off to minutes, no Hangfire
/// job piling up or failing for good, and everyone right within minutes of Graph coming back.
/// </summary>
public sealed class GraphOutageTests(ITestOutputHelper output)
{
    /// <summary>Monday 23:00 in Stockholm: the six hours cross midnight (a new read window) and the 02:30 full re-read.</summary>
    private static readonly DateTimeOffset MondayNight = new(2026, 11, 23, 23, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task Six_hours_of_503_keep_one_retry_per_person_and_flat_jobs_and_everyone_recovers_within_minutes()
    {
        await using var host = await StartAsync(now: MondayNight);
        await host.SettledAsync();
        var people = host.CoupledPeople.Select(p => p.Id).ToList();
        var simulation = new HangfireMinutes(host);

        host.Graph.Faults.Add(new FaultRule { Status = 503, RetryAfterSeconds = 0, Count = int.MaxValue });
        foreach (var person in people)
        {
            // Booked while Graph is down: the notification arrives, the re-read cannot.
            await host.BookAsync(person, Draft("SAM: Under avbrottet", "2026-11-24T04:00:00", "2026-11-24T12:00:00"));
        }

        var samples = new List<Sample>();
        var faultsPerHour = new List<long>();
        var faults = host.Graph.Stats.FaultsInjected;
        for (var minute = 1; minute <= 6 * 60; minute++)
        {
            await simulation.MinuteAsync();
            if (minute % 30 == 0)
            {
                samples.Add(await Sample.TakeAsync(host, simulation));
            }

            if (minute % 60 == 0)
            {
                faultsPerHour.Add(host.Graph.Stats.FaultsInjected - faults);
                faults = host.Graph.Stats.FaultsInjected;
            }
        }

        // Flat: every half hour exactly one waiting re-read per person and nothing else; no Hangfire job retrying,
        // failed or queued up; no dead letters.
        Assert.All(samples, s => Assert.Equal(new Sample(people.Count, people.Count, people.Count, 0, 0, 0, s.Pending), s with { Pending = s.Pending }));
        Assert.All(samples, s => Assert.InRange(s.Pending, 0, simulation.RecurringJobs));
        Assert.Contains(simulation.Fired, id => id == "calendar-daily-resync");

        // Backing off: at most one try per 2.5 minutes once the back-off reached its 5-minute cap (about 150 in six hours,
        // against 4,320 at the first 5 s), and still at least one per 5 minutes. Graph is asked no more in the sixth
        // hour than in the second.
        var attempts = await host.ValuesByKeyAsync("work_items", "Attempts", "Kind = 'calendar-reread'");
        output.WriteLine($"attempts per person: {string.Join(", ", attempts.Values)}; Graph requests per hour: {string.Join(", ", faultsPerHour)}");
        output.WriteLine($"samples: {string.Join(" | ", samples)}; jobs fired: {simulation.Fired.Count}");
        Assert.Equal(people.Order(StringComparer.Ordinal), attempts.Keys.Order(StringComparer.Ordinal));
        Assert.All(attempts.Values, a => Assert.InRange(a, 60, 160));
        Assert.True(faultsPerHour[^1] <= faultsPerHour[1] * 1.5, $"Graph requests per hour while down: {string.Join(", ", faultsPerHour)}");

        // Graph is back: within minutes everyone's referral is right and nothing waits.
        host.Graph.Faults.Clear();
        for (var minute = 1; minute <= 6 && await host.CountAsync("work_items", "Kind = 'calendar-reread'") > 0; minute++)
        {
            await simulation.MinuteAsync();
        }

        await Eventually.TrueAsync(async () => await host.CountAsync("work_items", "Kind = 'calendar-reread'") == 0, "every re-read done within six minutes of Graph's return");
        foreach (var person in people)
        {
            var status = await host.StatusAsync(person);
            Assert.Equal(("referred", "2026-11-24T12:00:00+01:00"), ((string?)status["state"], (string?)status["returnsAt"]));
        }

        Assert.Equal(0, await host.CountAsync("work_dead_letters"));
        Assert.Equal(0, simulation.Monitoring.FailedCount());
    }

    /// <summary>What the tables and Hangfire hold at one moment.</summary>
    private sealed record Sample(long WorkItems, long Rereads, long PeopleWaiting, long DeadLetters, long HangfireFailed, long HangfireScheduled, long Pending)
    {
        public static async Task<Sample> TakeAsync(CalendarTestHost host, HangfireMinutes hangfire)
        {
            var monitoring = hangfire.Monitoring;
            return new Sample(
                await host.CountAsync("work_items"),
                await host.CountAsync("work_items", "Kind = 'calendar-reread'"),
                (await host.ValuesByKeyAsync("work_items", "Attempts", "Kind = 'calendar-reread'")).Count,
                await host.CountAsync("work_dead_letters"),
                monitoring.FailedCount(),
                monitoring.ScheduledCount(),
                monitoring.EnqueuedCount("default") + monitoring.ProcessingCount());
        }
    }

    /// <summary>
    /// Advances the host's clock a minute at a time and fires, through Hangfire, each recurring job whose cron matches
    /// the new minute (Hangfire's own scheduler keeps real time, not the fake clock); then waits until those jobs are
    /// done and the work queue has claimed everything that came due.
    /// </summary>
    private sealed class HangfireMinutes(CalendarTestHost host)
    {
        private readonly JobStorage _storage = host.App.Services.GetRequiredService<JobStorage>();
        private readonly IRecurringJobManagerV2 _manager = host.App.Services.GetRequiredService<IRecurringJobManagerV2>();
        private readonly WorkQueueSignal _signal = host.App.Services.GetRequiredService<WorkQueueSignal>();
        private readonly List<string> _kinds = host.App.Services.GetServices<IWorkHandler>().Select(h => h.Kind.Name).ToList();

        public List<string> Fired { get; } = [];

        public IMonitoringApi Monitoring => _storage.GetMonitoringApi();

        public int RecurringJobs
        {
            get
            {
                using var connection = _storage.GetConnection();
                return connection.GetRecurringJobs().Count;
            }
        }

        public async Task MinuteAsync()
        {
            host.App.Clock.Advance(TimeSpan.FromMinutes(1));
            var now = host.App.Clock.GetUtcNow();
            List<RecurringJobDto> recurring;
            using (var connection = _storage.GetConnection())
            {
                recurring = connection.GetRecurringJobs();
            }

            var triggered = new List<string>();
            foreach (var job in recurring.Where(j => Due(j.Cron, TimeZoneInfo.FindSystemTimeZoneById(j.TimeZoneId ?? "UTC"), now)))
            {
                triggered.Add(_manager.TriggerJob(job.Id));
                Fired.Add(job.Id);
            }

            await Eventually.TrueAsync(() => Task.FromResult(triggered.All(Finished)), $"the jobs fired at {now:O} finished");
            var ticks = Instant.FromDateTimeOffset(now).ToUnixTimeTicks();
            await Eventually.TrueAsync(
                async () =>
                {
                    // The worker polls every second of the (frozen) clock: a claim that met a busy database waits for
                    // that poll, so stand in for it.
                    foreach (var kind in _kinds)
                    {
                        _signal.Wake(kind);
                    }

                    // Claimed is enough: a run still under way (or one whose outcome a busy database lost, left to its
                    // lease) is the worker's business, as it would be in real time.
                    return await host.CountAsync("work_items", $"DueAt <= {ticks} AND (LeaseUntil IS NULL OR LeaseUntil <= {ticks})") == 0;
                },
                $"the work due at {now:O} claimed");
        }

        private bool Finished(string jobId)
        {
            using var connection = _storage.GetConnection();
            return connection.GetStateData(jobId)?.Name is "Succeeded" or "Deleted" or "Failed";
        }

        /// <summary>Minute and hour fields of the crons we use (<c>*</c>, <c>*/n</c>, <c>n</c>); the others are <c>*</c>.</summary>
        private static bool Due(string cron, TimeZoneInfo zone, DateTimeOffset now)
        {
            var local = TimeZoneInfo.ConvertTime(now, zone);
            var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return Matches(fields[0], local.Minute) && Matches(fields[1], local.Hour);
        }

        private static bool Matches(string field, int value) =>
            field == "*"
            || (field.StartsWith("*/", StringComparison.Ordinal) && value % int.Parse(field[2..], CultureInfo.InvariantCulture) == 0)
            || field.Split(',').Any(f => int.TryParse(f, CultureInfo.InvariantCulture, out var n) && n == value);
    }
}
