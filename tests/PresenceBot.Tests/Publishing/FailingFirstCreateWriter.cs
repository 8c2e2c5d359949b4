using PresenceBot.CalendarSync.WriteBack;

namespace PresenceBot.Tests.Publishing;

/// <summary>The real writer, except that the first create fails before it reaches Graph: the queue retries it later.</summary>
internal sealed class FailingFirstCreateWriter(IOutlookEventWriter inner) : DelegatingEventWriter(inner)
{
    private int _failed;

    /// <summary>Whether the first create has failed.</summary>
    public bool Failed => Volatile.Read(ref _failed) == 1;

    public override Task<EventVersion> CreateAsync(string personId, WriteBackEvent written, string transactionId, CancellationToken cancellationToken) =>
        Interlocked.Exchange(ref _failed, 1) == 0
            ? throw new HttpRequestException("Graph could not be reached.")
            : Inner.CreateAsync(personId, written, transactionId, cancellationToken);
}
