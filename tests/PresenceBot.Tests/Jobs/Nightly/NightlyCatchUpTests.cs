using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using PresenceBot.Jobs.Nightly;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Tests.Storage;

namespace PresenceBot.Tests.Jobs.Nightly;

/// <summary>
/// Nightly work missed while every instance was down is caught up at the next start, and never done twice for a night:
/// "instances" are separate service providers over one shared run log, moved through time with a fake clock.
/// </summary>
public sealed class NightlyCatchUpTests
{
    private const string JobId = "retention";

    /// <summary>Monday 23 November 2026, 10:00 in Stockholm; retention ran at 03:15 this morning.</summary>
    private static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(1));

    private static readonly LocalDate Monday = new(2026, 11, 23);

    private readonly FakeTimeProvider _clock = new(MondayMorning);
    private readonly InMemoryNightlyRunLog _log = new();
    private int _runs;

    public NightlyCatchUpTests() => _log.TryClaimAsync(JobId, Monday, CancellationToken.None).GetAwaiter().GetResult();

    [Fact]
    public async Task Down_over_the_nightly_time_the_job_runs_at_the_next_start()
    {
        // Stopped Monday 10:00, started again Tuesday 09:00: Tuesday's 03:15 went by with no instance up.
        _clock.Advance(TimeSpan.FromHours(23));

        await CatchUpAsync();

        Assert.Equal(1, _runs);
        Assert.Equal([Monday, Monday.PlusDays(1)], _log.Nights(JobId));
    }

    [Fact]
    public async Task Up_over_the_nightly_time_the_job_runs_once_and_not_again_at_the_next_start()
    {
        var instance = Instance();
        _clock.Advance(TimeSpan.FromHours(17.25)); // Tuesday 03:15: Hangfire fires it.
        await RunnerOf(instance).RunAsync(JobId, CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(6)); // Restarted Tuesday 09:15.

        await CatchUpAsync();

        Assert.Equal(1, _runs);
    }

    [Fact]
    public async Task Hangfire_firing_a_missed_occurrence_and_the_catch_up_run_it_once()
    {
        // Hangfire on PostgreSQL remembers its schedule and fires a missed occurrence at start too.
        _clock.Advance(TimeSpan.FromDays(1));
        var instance = Instance();

        await Task.WhenAll(RunnerOf(instance).RunAsync(JobId, CancellationToken.None), CatchUpAsync(instance));

        Assert.Equal(1, _runs);
    }

    [Fact]
    public async Task Two_instances_starting_together_run_a_missed_night_once()
    {
        _clock.Advance(TimeSpan.FromDays(2));

        await Task.WhenAll(CatchUpAsync(), CatchUpAsync());

        Assert.Equal(1, _runs);
        Assert.Equal([Monday, Monday.PlusDays(2)], _log.Nights(JobId));
    }

    [Fact]
    public async Task A_start_before_tonights_time_does_not_run_last_night_again()
    {
        _clock.Advance(TimeSpan.FromHours(16)); // Tuesday 02:00: Monday's night is done, Tuesday's not due.

        await CatchUpAsync();

        Assert.Equal(0, _runs);
    }

    [Fact]
    public async Task A_failed_catch_up_gives_the_night_back_so_the_next_start_runs_it()
    {
        _clock.Advance(TimeSpan.FromDays(1));
        var failing = true;

        await CatchUpAsync(Instance(() => failing ? throw new InvalidOperationException("database down") : Task.CompletedTask));
        failing = false;
        await CatchUpAsync();

        Assert.Equal(2, _runs);
        Assert.Equal([Monday, Monday.PlusDays(1)], _log.Nights(JobId));
    }

    [Fact]
    public async Task On_a_fresh_database_the_last_night_is_recorded_not_run()
    {
        var fresh = new InMemoryNightlyRunLog();

        await CatchUpAsync(Instance(log: fresh));
        _clock.Advance(TimeSpan.FromHours(1));
        await CatchUpAsync(Instance(log: fresh));

        Assert.Equal(0, _runs);
        Assert.Equal([Monday], fresh.Nights(JobId));
    }

    private static NightlyJobRunner RunnerOf(ServiceProvider instance) => instance.GetRequiredService<NightlyJobRunner>();

    private async Task CatchUpAsync(ServiceProvider? instance = null)
    {
        await using var owned = instance is null ? Instance() : null;
        await (instance ?? owned!).GetRequiredService<NightlyCatchUp>().CatchUpAsync(CancellationToken.None);
    }

    /// <summary>One app instance: its own container over the shared log and clock.</summary>
    private ServiceProvider Instance(Func<Task>? work = null, InMemoryNightlyRunLog? log = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(new NightlyJob(JobId, new LocalTime(3, 15), (_, _) =>
        {
            Interlocked.Increment(ref _runs);
            return work?.Invoke() ?? Task.CompletedTask;
        }));
        services.AddSingleton<INightlyRunLog>(log ?? _log);
        services.AddSingleton<IOrganisationSource>(new TestOrganisation());
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostApplicationLifetime>(new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance));
        services.AddTransient<NightlyJobRunner>();
        services.AddSingleton<NightlyCatchUp>();
        return services.BuildServiceProvider();
    }
}
