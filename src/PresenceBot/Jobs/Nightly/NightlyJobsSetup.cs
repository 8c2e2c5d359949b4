using NodaTime;
using PresenceBot.CalendarSync.Subscriptions;

namespace PresenceBot.Jobs.Nightly;

internal static class NightlyJobsSetup
{
    /// <summary>
    /// The nightly jobs (local time of the organisation), run once a night through <see cref="NightlyJobRunner"/> and
    /// caught up at start when missed. Group full reads need no entry: each group's last full read is stored with
    /// it and the group round (at start and every few minutes) reads in full whatever is due.
    /// </summary>
    public static IServiceCollection AddNightlyJobs(this IServiceCollection services, JobsOptions options)
    {
        services.AddSingleton(new NightlyJob(
            SubscriptionJobs.DailyResyncJobId, new LocalTime(2, 30), (sp, ct) => sp.GetRequiredService<SubscriptionJobs>().ResyncEveryoneAsync(ct)));
        services.AddSingleton(new NightlyJob(
            RetentionJob.RecurringJobId, new LocalTime(3, 15), async (sp, ct) => await sp.GetRequiredService<RetentionJob>().RunAsync(ct).ConfigureAwait(false)));
        services.AddSingleton<INightlyRunLog, EfNightlyRunLog>();
        services.AddTransient<NightlyJobRunner>();
        if (options.RunServer)
        {
            // An instance that runs no jobs catches none up either.
            services.AddHostedService<NightlyCatchUp>();
        }

        return services;
    }
}
