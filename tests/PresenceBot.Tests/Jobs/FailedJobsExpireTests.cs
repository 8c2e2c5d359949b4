using System.Reflection;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PresenceBot.CalendarSync.Subscriptions;
using PresenceBot.Storage;
using PresenceBot.Tests.Calendar;

namespace PresenceBot.Tests.Jobs;

/// <summary>
/// Hangfire keeps a failed job for ever and retries it for hours while the next occurrences keep coming. Every
/// recurring job of ours is therefore retried a few times at most and then deleted, which expires like a success.
/// </summary>
public sealed class FailedJobsExpireTests
{
    [Fact]
    public async Task Every_recurring_job_is_deleted_not_kept_failed_when_its_retries_run_out_and_a_failing_run_expires()
    {
        var store = new FailingSubscriptionStore();
        await using var host = await CalendarTestHost.StartAsync(services: services =>
        {
            services.RemoveAll<ISubscriptionStore>();
            services.AddSingleton<ISubscriptionStore>(sp =>
            {
                store.Inner = ActivatorUtilities.CreateInstance<EfSubscriptionStore>(sp);
                return store;
            });
        });
        var storage = host.App.Services.GetRequiredService<JobStorage>();
        List<RecurringJobDto> recurring;
        using (var connection = storage.GetConnection())
        {
            recurring = connection.GetRecurringJobs();
        }

        Assert.Contains(recurring, j => j.Id == SubscriptionJobs.RenewJobId);
        Assert.Contains(recurring, j => j.Id == SubscriptionJobs.DailyResyncJobId);
        Assert.All(recurring, job =>
        {
            var retry = job.Job?.Method.GetCustomAttribute<AutomaticRetryAttribute>();
            Assert.True(retry is { OnAttemptsExceeded: AttemptsExceededAction.Delete, Attempts: <= 3 }, $"{job.Id}: failures must end deleted after at most 3 retries");
        });

        // A run that fails (the database refuses) ends deleted, with an expiry, at once: the next round is its retry.
        store.Failing = true;
        var jobId = host.App.Services.GetRequiredService<IRecurringJobManagerV2>().TriggerJob(SubscriptionJobs.RenewJobId);
        var monitoring = storage.GetMonitoringApi();
        var details = await Eventually.ValueAsync(() => Task.FromResult(monitoring.JobDetails(jobId)), d => d.History.Any(h => h.StateName == "Deleted"), "the failed run deleted");

        // Deleted by the retry policy (Hangfire says why: retries disabled or exhausted), not by someone.
        Assert.Contains(details.History, h => h.StateName == "Deleted" && h.Reason?.Contains("retr", StringComparison.OrdinalIgnoreCase) == true);
        Assert.NotNull(details.ExpireAt);
        Assert.Equal(0, monitoring.FailedCount());
        Assert.Equal(0, monitoring.ScheduledCount());
    }

    private sealed class FailingSubscriptionStore : ISubscriptionStore
    {
        public ISubscriptionStore Inner { get; set; } = null!;

        public bool Failing { get; set; }

        public Task<IReadOnlyList<CalendarSubscription>> ListAsync(CancellationToken cancellationToken) =>
            Failing ? throw new InvalidOperationException("database away") : Inner.ListAsync(cancellationToken);

        public Task<CalendarSubscription?> FindAsync(string subscriptionId, CancellationToken cancellationToken) => Inner.FindAsync(subscriptionId, cancellationToken);

        public Task SaveAsync(CalendarSubscription subscription, CancellationToken cancellationToken) => Inner.SaveAsync(subscription, cancellationToken);

        public Task DeleteAsync(string subscriptionId, CancellationToken cancellationToken) => Inner.DeleteAsync(subscriptionId, cancellationToken);
    }
}
