using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PresenceBot.CalendarSync.Membership;

/// <summary>
/// Puts the stored group members into the organisation before the app serves anything, so after a restart the
/// joiners are known (and stay coupled) before Graph has answered; then again every poll interval, because
/// Hangfire runs the membership job on one instance and the others must follow it. Registered after the database
/// migrator, whose tables it reads.
/// </summary>
internal sealed class GroupMembershipLoader(
    GroupMembershipPublisher publisher, IOptions<GroupMembershipOptions> options, TimeProvider time, ILogger<GroupMembershipLoader> logger)
    : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await publisher.PublishAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.PollMinutes), time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await publisher.PublishAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database away for a moment: the members in force stay, and the next tick tries again.
                CalendarSyncLog.GroupMembersNotRefreshed(logger, ex);
            }
        }
    }
}
