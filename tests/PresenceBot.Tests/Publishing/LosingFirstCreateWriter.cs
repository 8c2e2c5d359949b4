using PresenceBot.CalendarSync.WriteBack;

namespace PresenceBot.Tests.Publishing;

/// <summary>
/// The real writer, except that the answer to the first create that went through is lost (as when the process dies or
/// the connection drops after Graph created the event): the publisher must find that event instead of making another.
/// </summary>
internal sealed class LosingFirstCreateWriter(IOutlookEventWriter inner) : IOutlookEventWriter
{
    private int _lost;

    public async Task<string> CreateAsync(string personId, WriteBackEvent written, CancellationToken cancellationToken)
    {
        var id = await inner.CreateAsync(personId, written, cancellationToken);
        return Interlocked.Exchange(ref _lost, 1) == 0 ? throw new HttpRequestException("The answer was lost.") : id;
    }

    public Task<bool> UpdateAsync(string personId, string eventId, WriteBackEvent written, CancellationToken cancellationToken) =>
        inner.UpdateAsync(personId, eventId, written, cancellationToken);

    public Task DeleteAsync(string personId, string eventId, CancellationToken cancellationToken) => inner.DeleteAsync(personId, eventId, cancellationToken);

    public Task<string?> FindAsync(string personId, Guid referralId, CancellationToken cancellationToken) => inner.FindAsync(personId, referralId, cancellationToken);

    public Task<Guid?> MarkOfAsync(string personId, string eventId, CancellationToken cancellationToken) => inner.MarkOfAsync(personId, eventId, cancellationToken);
}
