using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PresenceBot.CalendarSync.Processing;

namespace PresenceBot.Tests.Calendar;

/// <summary>
/// Per-person coalescing: a burst of notifications must become one re-read, not hundreds; and the queue of people
/// is worked off by one drain job on this process's own Hangfire queue, not by a job per notification.
/// </summary>
public sealed class CalendarSyncSchedulerTests
{
    private const string Kim = CalendarTestHost.Kim;
    private const string Sara = CalendarTestHost.Sara;
    private const string Queue = "host-test";

    private readonly Mock<IBackgroundJobClient> _jobs = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<(Job Job, IState State)> _enqueued = new();

    public CalendarSyncSchedulerTests() =>
        _jobs.Setup(j => j.Create(It.IsAny<Job>(), It.IsAny<IState>()))
            .Callback<Job, IState>((job, state) => _enqueued.Enqueue((job, state)))
            .Returns(() => _enqueued.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private CalendarSyncScheduler NewScheduler() => new(_jobs.Object, new LocalJobQueue(Queue));

    [Fact]
    public void Five_hundred_requests_queue_the_person_once_and_start_one_drain_on_the_local_queue()
    {
        var scheduler = NewScheduler();

        for (var i = 0; i < 500; i++)
        {
            scheduler.Request(Kim);
        }

        var (job, state) = Assert.Single(_enqueued);
        Assert.Equal(typeof(CalendarSyncDrainJob), job.Type);
        Assert.Equal(Queue, Assert.IsType<EnqueuedState>(state).Queue);
        Assert.Equal([Kim], TakeAll(scheduler));
    }

    [Fact]
    public void Requests_for_different_people_are_not_coalesced_but_share_the_drain()
    {
        var scheduler = NewScheduler();

        Parallel.For(0, 500, i => scheduler.Request(i % 2 == 0 ? Kim : Sara));

        Assert.Single(_enqueued);
        Assert.Equal([Kim, Sara], TakeAll(scheduler).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Requests_during_a_run_make_it_go_round_exactly_once_more()
    {
        var scheduler = NewScheduler();
        scheduler.Request(Kim);
        Assert.Equal([Kim], TakeAll(scheduler));
        Assert.True(scheduler.TryBegin(Kim, out var full));
        Assert.False(full);

        for (var i = 0; i < 500; i++)
        {
            scheduler.Request(Kim);
        }

        Assert.Empty(TakeAll(scheduler));
        Assert.True(scheduler.Continue(Kim, out full));
        Assert.False(full);
        Assert.False(scheduler.Continue(Kim, out _));

        // Free again: the next request queues the person again (the drain that is still going takes it).
        scheduler.Request(Kim);
        Assert.Equal([Kim], TakeAll(scheduler));
        Assert.Single(_enqueued);
    }

    [Fact]
    public void A_full_request_is_not_lost_whether_it_comes_while_queued_or_while_running()
    {
        var scheduler = NewScheduler();
        scheduler.Request(Kim);
        scheduler.Request(Kim, full: true);
        Assert.True(scheduler.TryBegin(Kim, out var full));
        Assert.True(full);

        scheduler.Request(Kim, full: true);
        scheduler.Request(Kim);
        Assert.True(scheduler.Continue(Kim, out full));
        Assert.True(full);
        Assert.False(scheduler.Continue(Kim, out _));
    }

    [Fact]
    public void A_second_run_for_a_running_person_steps_aside_and_a_failed_run_frees_the_person()
    {
        var scheduler = NewScheduler();
        scheduler.Request(Kim);
        TakeAll(scheduler);
        Assert.True(scheduler.TryBegin(Kim, out _));
        Assert.False(scheduler.TryBegin(Kim, out _));

        scheduler.Abandon(Kim);
        scheduler.Request(Kim);
        Assert.Equal([Kim], TakeAll(scheduler));
        Assert.True(scheduler.TryBegin(Kim, out _));
    }

    [Fact]
    public void A_drain_that_ended_is_started_again_by_the_next_request_but_not_while_people_wait()
    {
        var scheduler = NewScheduler();
        scheduler.Request(Kim);
        Assert.False(scheduler.TryEndDrain());
        TakeAll(scheduler);
        Assert.True(scheduler.TryEndDrain());

        scheduler.Request(Sara);
        Assert.Equal(2, _enqueued.Count);
    }

    [Fact]
    public void A_drain_that_stopped_without_finishing_is_replaced_on_the_next_request_for_someone_still_queued()
    {
        var scheduler = NewScheduler();
        scheduler.Request(Kim);
        scheduler.EndDrain();

        scheduler.Request(Kim);

        Assert.Equal(2, _enqueued.Count);
        Assert.Equal([Kim], TakeAll(scheduler));
    }

    [Fact]
    public void A_drain_that_could_not_be_enqueued_is_tried_again_by_the_next_request_even_for_the_same_person()
    {
        _jobs.SetupSequence(j => j.Create(It.IsAny<Job>(), It.IsAny<IState>()))
            .Throws(new InvalidOperationException("storage down"))
            .Returns("1");
        var scheduler = NewScheduler();

        Assert.Throws<InvalidOperationException>(() => scheduler.Request(Kim));
        scheduler.Request(Kim);

        _jobs.Verify(j => j.Create(It.IsAny<Job>(), It.IsAny<IState>()), Times.Exactly(2));
        Assert.Equal([Kim], TakeAll(scheduler));
    }

    [Fact]
    public void Without_a_local_Hangfire_server_nothing_is_queued_here_the_inbox_keeps_the_entries_for_another_instance()
    {
        var scheduler = new CalendarSyncScheduler(_jobs.Object, new LocalJobQueue(null));

        scheduler.Request(Kim);

        Assert.Empty(_enqueued);
        Assert.Empty(TakeAll(scheduler));
    }

    [Fact]
    public async Task An_idle_drain_waits_for_the_linger_and_wakes_at_once_when_someone_is_queued()
    {
        var scheduler = NewScheduler();
        var time = new FakeTimeProvider();

        var idle = scheduler.WaitForReadyAsync(TimeSpan.FromSeconds(2), time, CancellationToken.None);
        Assert.False(idle.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(await idle.WaitAsync(TimeSpan.FromSeconds(10)));

        var woken = scheduler.WaitForReadyAsync(TimeSpan.FromSeconds(2), time, CancellationToken.None);
        scheduler.Request(Kim);
        Assert.True(await woken.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private static List<string> TakeAll(CalendarSyncScheduler scheduler)
    {
        var taken = new List<string>();
        while (scheduler.TryTakeReady(out var personId))
        {
            taken.Add(personId);
        }

        return taken;
    }
}
