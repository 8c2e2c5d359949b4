using PresenceBot.CalendarSync.WriteBack;

namespace PresenceBot.Tests.Publishing;

/// <summary>
/// The real writer, except that the answer to the first create that went through is lost (as when the process dies or
/// the connection drops after Graph created the event): the publisher must find that event instead of making another.
/// </summary>
internal sealed class LosingFirstCreateWriter(IOutlookEventWriter inner) : DelegatingEventWriter(inner)
{
    private int _lost;

    public override async Task<EventVersion> CreateAsync(string personId, WriteBackEvent written, string transactionId, CancellationToken cancellationToken)
    {
        var created = await Inner.CreateAsync(personId, written, transactionId, cancellationToken);
        return Interlocked.Exchange(ref _lost, 1) == 0 ? throw new HttpRequestException("The answer was lost.") : created;
    }
}
