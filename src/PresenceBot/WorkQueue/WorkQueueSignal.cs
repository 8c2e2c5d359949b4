using System.Collections.Concurrent;

namespace PresenceBot.WorkQueue;

/// <summary>Wakes a kind's worker loop right after a local enqueue or a finished run, so work starts in milliseconds, not at the next poll.</summary>
internal sealed class WorkQueueSignal(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _signals = new(StringComparer.Ordinal);

    public void Wake(string kind)
    {
        var signal = For(kind);
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Woken by someone else at the same moment; one wake-up is enough.
            }
        }
    }

    /// <summary>Waits for a wake-up or <paramref name="timeout"/> (on the <see cref="TimeProvider"/>'s clock), whichever comes first.</summary>
    public async Task WaitAsync(string kind, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var poll = new CancellationTokenSource(timeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(poll.Token, cancellationToken);
        try
        {
            await For(kind).WaitAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed: look for due work (retries, other instances' enqueues, expired leases).
        }
    }

    private SemaphoreSlim For(string kind) => _signals.GetOrAdd(kind, _ => new SemaphoreSlim(0, 1));
}
