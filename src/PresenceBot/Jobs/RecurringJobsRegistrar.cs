using Hangfire;
using PresenceBot.Jobs.Nightly;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.Jobs;

/// <summary>
/// Registers (or updates) the nightly jobs at start, in the organisation's time zone. Each goes through
/// <see cref="NightlyJobRunner"/>, so a night runs once whether Hangfire fires it or a start catches it up.
/// </summary>
internal sealed class RecurringJobsRegistrar(IRecurringJobManager jobs, IEnumerable<NightlyJob> nightly, IOrganisationSource organisation)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(organisation.Current.TimeZone.Id, out var found) ? found : TimeZoneInfo.Utc;
        foreach (var job in nightly)
        {
            var id = job.Id;
            jobs.AddOrUpdate<NightlyJobRunner>(id, runner => runner.RunAsync(id, CancellationToken.None), job.Cron, new RecurringJobOptions { TimeZone = zone });
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
