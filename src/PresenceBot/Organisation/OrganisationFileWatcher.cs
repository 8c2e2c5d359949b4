using Microsoft.Extensions.Options;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.Organisation;

/// <summary>
/// Polls the organisation file (file-system events are unreliable on network shares and in containers)
/// and reloads it when its time stamp or size changes. A broken edit keeps the previous organisation.
/// </summary>
internal sealed class OrganisationFileWatcher(
    FileOrganisationSource source, IOptions<OrganisationOptions> options, TimeProvider time, ILogger<OrganisationFileWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seen = Stamp();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ReloadSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            var now = Stamp();
            if (now == seen)
            {
                continue;
            }

            seen = now;
            try
            {
                var organisation = source.Reload();
                Log.OrganisationLoaded(logger, source.Path, organisation.People.Count, organisation.Units.Count);
            }
            catch (OrganisationFileException ex)
            {
                Log.OrganisationReloadRejected(logger, ex.Message);
            }
        }
    }

    private (DateTime, long) Stamp()
    {
        var file = new FileInfo(source.Path);
        return file.Exists ? (file.LastWriteTimeUtc, file.Length) : (DateTime.MinValue, -1);
    }
}
