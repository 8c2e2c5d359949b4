using PresenceBot.Referrals.Organisation;

namespace PresenceBot.Organisation;

/// <summary>
/// Puts the stored couplings on top of the file at start. Registered after the database migrator, whose table it reads.
/// </summary>
internal sealed class CouplingOverrideLoader(ICouplingOverrideStore store, FileOrganisationSource source) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) =>
        source.ApplyCouplingOverrides(await store.LoadAllAsync(cancellationToken).ConfigureAwait(false));

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
