using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using PresenceBot.CalendarSync.Processing;
using PresenceBot.GraphStandIn.Faults;
using static PresenceBot.Tests.Calendar.CalendarTestHost;

namespace PresenceBot.Tests.Calendar;

/// <summary>
/// The drain job works off everyone queued; one person whose calendar cannot be read must not hold up the others,
/// and gets a job of its own that Hangfire retries.
/// </summary>
public sealed class DrainFailureTests
{
    [Fact]
    public async Task A_person_whose_read_fails_gets_a_retrying_job_of_their_own_while_the_others_are_synced()
    {
        await using var host = await StartAsync();
        await host.SettledAsync();

        // Kim's calendar answers 403 from now on (Kiota does not retry that); Sara's is fine.
        host.Graph.Faults.Add(new FaultRule { Status = 403, Count = 1000, PathPrefix = $"/users/{Kim}/calendarView" });
        await host.BookAsync(Kim, Draft("SAM: Blockerad", "2026-11-23T08:00:00", "2026-11-23T10:00:00"));
        await host.BookAsync(Sara, Draft("SAM: Styrgrupp", "2026-11-23T08:00:00", "2026-11-23T11:00:00"));

        var sara = await host.StatusWhenAsync(Sara, s => (string?)s["state"] == "referred", "Sara referred despite Kim's failure");
        Assert.Equal("2026-11-23T11:00:00+01:00", (string?)sara["returnsAt"]);

        var monitoring = host.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await Eventually.TrueAsync(
            () => Task.FromResult(RetryJobsFor(monitoring, Kim) > 0),
            "a CalendarSyncJob of Kim's own, failed or waiting for its retry");
        Assert.Equal("available", (string?)(await host.StatusAsync(Kim))["state"]);
        Assert.True(await host.CountAsync("graph_inbox", $"PersonId = '{Kim}' AND ProcessedAt IS NULL") > 0, "Kim's notifications stay unprocessed");
    }

    [Fact]
    public async Task A_drain_stopped_by_shutdown_lets_the_next_request_start_a_new_one()
    {
        await using var host = await StartAsync();
        await host.SettledAsync();
        var services = host.App.Services;
        var monitoring = services.GetRequiredService<JobStorage>().GetMonitoringApi();
        int Drains() => monitoring.SucceededJobs(0, 500).Count(j => j.Value.Job?.Type == typeof(CalendarSyncDrainJob))
            + monitoring.ProcessingJobs(0, 500).Count(j => j.Value.Job?.Type == typeof(CalendarSyncDrainJob))
            + (int)monitoring.EnqueuedCount(services.GetRequiredService<LocalJobQueue>().Name!);
        var before = Drains();

        // A drain that ends by cancellation (a shutdown) must not leave the scheduler believing one still runs.
        using (var stopped = new CancellationTokenSource())
        {
            await stopped.CancelAsync();
            await services.GetRequiredService<CalendarSyncDrainJob>().RunAsync(stopped.Token);
        }

        services.GetRequiredService<CalendarSyncScheduler>().Request(Sara);
        await Eventually.TrueAsync(() => Task.FromResult(Drains() > before), "a new drain job for the next request");
    }

    private static int RetryJobsFor(Hangfire.Storage.IMonitoringApi monitoring, string personId)
    {
        bool IsKims(Hangfire.Common.Job? job) =>
            job?.Type == typeof(CalendarSyncJob) && job.Args.Count > 0 && (string?)job.Args[0] == personId;

        return monitoring.ScheduledJobs(0, 100).Count(j => IsKims(j.Value.Job))
            + monitoring.FailedJobs(0, 100).Count(j => IsKims(j.Value.Job))
            + monitoring.ProcessingJobs(0, 100).Count(j => IsKims(j.Value.Job))
            + monitoring.EnqueuedJobs(Hangfire.States.EnqueuedState.DefaultQueue, 0, 100).Count(j => IsKims(j.Value.Job));
    }
}
