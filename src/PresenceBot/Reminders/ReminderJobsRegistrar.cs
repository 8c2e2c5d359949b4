using Hangfire;

namespace PresenceBot.Reminders;

/// <summary>
/// The reminder jobs run every minute, so whatever falls due is sent within a minute. Time comes from the jobs'
/// <see cref="TimeProvider"/>, not from the schedule, so the cron needs no time zone.
/// </summary>
internal sealed class ReminderJobsRegistrar(IRecurringJobManager jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<VoicemailReminderJob>(VoicemailReminderJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        jobs.AddOrUpdate<CoverageAlertJob>(CoverageAlertJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
