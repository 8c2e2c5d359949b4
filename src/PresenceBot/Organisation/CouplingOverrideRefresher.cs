using Microsoft.Extensions.Options;

namespace PresenceBot.Organisation;

/// <summary>
/// Puts the stored couplings on top of the file before the app serves anything, then reads them again every
/// <c>Organisation:RefreshSeconds</c>: a "/koppling" made on another instance is in force here within that interval
/// (the one that took it applies it at once). Registered after the database migrator, whose table it reads.
/// </summary>
internal sealed class CouplingOverrideRefresher(
    ICouplingOverrideStore store, FileOrganisationSource source, IOptions<OrganisationOptions> options, TimeProvider time, ILogger<CouplingOverrideRefresher> logger)
    : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        source.ApplyCouplingOverrides(await store.LoadAllAsync(cancellationToken).ConfigureAwait(false));
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RefreshSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var writes = source.CouplingWrites;
                source.ApplyCouplingOverrides(await store.LoadAllAsync(stoppingToken).ConfigureAwait(false), writes);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database away for a moment: the couplings in force stay, and the next tick reads again.
                Log.CouplingOverridesNotRefreshed(logger, ex);
            }
        }
    }
}
