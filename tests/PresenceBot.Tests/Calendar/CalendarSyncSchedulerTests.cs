using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Moq;
using PresenceBot.CalendarSync.Processing;

namespace PresenceBot.Tests.Calendar;

/// <summary>Per-person coalescing: a burst of notifications must become one re-read, not hundreds.</summary>
public sealed class CalendarSyncSchedulerTests
{
    private const string Kim = CalendarTestHost.Kim;
    private const string Sara = CalendarTestHost.Sara;

    private readonly Mock<IBackgroundJobClient> _jobs = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<Job> _enqueued = new();

    public CalendarSyncSchedulerTests() =>
        _jobs.Setup(j => j.Create(It.IsAny<Job>(), It.IsAny<IState>()))
            .Callback<Job, IState>((job, _) => _enqueued.Enqueue(job))
            .Returns(() => _enqueued.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Five_hundred_requests_while_queued_enqueue_one_job()
    {
        var scheduler = new CalendarSyncScheduler(_jobs.Object);

        for (var i = 0; i < 500; i++)
        {
            scheduler.Request(Kim);
        }

        var job = Assert.Single(_enqueued);
        Assert.Equal(typeof(CalendarSyncJob), job.Type);
        Assert.Equal(nameof(CalendarSyncJob.RunAsync), job.Method.Name);
        Assert.Equal(Kim, job.Args[0]);
    }

    [Fact]
    public void Requests_for_different_people_are_not_coalesced()
    {
        var scheduler = new CalendarSyncScheduler(_jobs.Object);

        Parallel.For(0, 500, i => scheduler.Request(i % 2 == 0 ? Kim : Sara));

        Assert.Equal(2, _enqueued.Count);
        Assert.Equal([Kim, Sara], _enqueued.Select(j => (string)j.Args[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Requests_during_a_run_make_it_go_round_exactly_once_more()
    {
        var scheduler = new CalendarSyncScheduler(_jobs.Object);
        scheduler.Request(Kim);
        Assert.True(scheduler.TryBegin(Kim, out var full));
        Assert.False(full);

        for (var i = 0; i < 500; i++)
        {
            scheduler.Request(Kim);
        }

        Assert.Single(_enqueued);
        Assert.True(scheduler.Continue(Kim, out full));
        Assert.False(full);
        Assert.False(scheduler.Continue(Kim, out _));

        // Free again: the next request enqueues a new job.
        scheduler.Request(Kim);
        Assert.Equal(2, _enqueued.Count);
    }

    [Fact]
    public void A_full_request_is_not_lost_whether_it_comes_while_queued_or_while_running()
    {
        var scheduler = new CalendarSyncScheduler(_jobs.Object);
        scheduler.Request(Kim);
        scheduler.Request(Kim, full: true);
        Assert.True(scheduler.TryBegin(Kim, out var full));
        Assert.True(full);

        scheduler.Request(Kim, full: true);
        scheduler.Request(Kim);
        Assert.True(scheduler.Continue(Kim, out full));
        Assert.True(full);
        Assert.False(scheduler.Continue(Kim, out _));
        Assert.Single(_enqueued);
    }

    [Fact]
    public void A_second_job_for_a_running_person_steps_aside_and_a_failed_run_frees_the_person()
    {
        var scheduler = new CalendarSyncScheduler(_jobs.Object);
        scheduler.Request(Kim);
        Assert.True(scheduler.TryBegin(Kim, out _));
        Assert.False(scheduler.TryBegin(Kim, out _));

        scheduler.Abandon(Kim);
        scheduler.Request(Kim);
        Assert.Equal(2, _enqueued.Count);
        Assert.True(scheduler.TryBegin(Kim, out _));
    }
}
