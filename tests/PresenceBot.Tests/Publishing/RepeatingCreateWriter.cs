using PresenceBot.CalendarSync.WriteBack;

namespace PresenceBot.Tests.Publishing;

/// <summary>
/// The real writer, except that each create is sent twice, as a client retries a POST whose answer did not come (the
/// first answer is dropped): only Graph's transaction id can keep that from making two events.
/// </summary>
internal sealed class RepeatingCreateWriter(IOutlookEventWriter inner) : DelegatingEventWriter(inner)
{
    public override async Task<EventVersion> CreateAsync(string personId, WriteBackEvent written, string transactionId, CancellationToken cancellationToken)
    {
        await Inner.CreateAsync(personId, written, transactionId, cancellationToken);
        return await Inner.CreateAsync(personId, written, transactionId, cancellationToken);
    }
}
