using Hangfire;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.Jobs;

/// <summary>Registers (or updates) the recurring jobs at start, in the organisation's time zone.</summary>
internal sealed class RecurringJobsRegistrar(IRecurringJobManager jobs, IOrganisationSource organisation) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(organisation.Current.TimeZone.Id, out var found) ? found : TimeZoneInfo.Utc;
        jobs.AddOrUpdate<RetentionJob>(
            RetentionJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            "15 3 * * *",
            new RecurringJobOptions { TimeZone = zone });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
