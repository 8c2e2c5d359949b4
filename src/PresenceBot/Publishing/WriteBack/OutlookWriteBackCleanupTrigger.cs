using PresenceBot.Referrals.Organisation;

namespace PresenceBot.Publishing.WriteBack;

/// <summary>
/// Queues <see cref="OutlookWriteBackCleanup"/> for whoever needs it at start (the file may have changed while no
/// instance ran) and whenever the organisation file changes. Only the requests are made here (one read of who has
/// written events); the work is the queue's, durable and retried.
/// </summary>
internal sealed class OutlookWriteBackCleanupTrigger(
    IOrganisationSource organisation, OutlookWriteBackCleanup cleanup, IHostApplicationLifetime lifetime, ILogger<OutlookWriteBackCleanupTrigger> logger)
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
            await cleanup.QueueAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not worth stopping the host or the file watcher for: the next change or start-up asks again.
            WriteBackLog.CleanupNotQueued(logger, ex);
        }
    }
}
