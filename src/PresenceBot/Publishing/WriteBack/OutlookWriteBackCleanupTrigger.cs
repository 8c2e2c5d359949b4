using PresenceBot.Referrals.Organisation;
using PresenceBot.WorkQueue;

namespace PresenceBot.Publishing.WriteBack;

/// <summary>
/// Queues <see cref="OutlookWriteBackCleanup"/>'s sweep at start (the file may have changed while no instance ran) and
/// whenever the organisation file changes. Only the request is made here; the work is the queue's, durable and retried.
/// </summary>
internal sealed class OutlookWriteBackCleanupTrigger(
    IOrganisationSource organisation, WorkItems queue, OutlookWriteBackCleanup cleanup, IHostApplicationLifetime lifetime, ILogger<OutlookWriteBackCleanupTrigger> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        organisation.Changed += OnChanged;
        await RequestAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        organisation.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    private void OnChanged(object? sender, EventArgs e) => _ = Task.Run(() => RequestAsync(lifetime.ApplicationStopping), lifetime.ApplicationStopping);

    private async Task RequestAsync(CancellationToken cancellationToken)
    {
        try
        {
            await queue.EnqueueAsync([cleanup.Sweep], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not worth stopping the host or the file watcher for: the next change or start-up asks again.
            WriteBackLog.CleanupNotQueued(logger, ex);
        }
    }
}
