using PresenceBot.CalendarSync.WriteBack;

namespace PresenceBot.Tests.Publishing;

/// <summary>
/// One person's Outlook events as Graph keeps them for the writer: a change key per version, If-Match on change and
/// delete (412 as <see cref="EventWriteOutcome.Stale"/>), a create answered by the event its transaction id made (deleted or not, as Graph may). Faults
/// are set per call: the next change's answer lost after Graph took it, the next create or delete failing before it reached Graph.
/// </summary>
internal sealed class InMemoryOutlookEvents : IOutlookEventWriter
{
    private readonly Dictionary<string, (Guid Referral, string Fingerprint, string ChangeKey, string TransactionId)> _events = [];
    private int _versions;

    public bool LoseNextChangeAnswer { get; set; }

    public bool FailNextDelete { get; set; }

    public bool FailNextCreate { get; set; }

    public List<string> TransactionIds { get; } = [];

    public string? FingerprintOf(string eventId) => _events.TryGetValue(eventId, out var e) ? e.Fingerprint : null;

    public Task<EventVersion> CreateAsync(string personId, WriteBackEvent written, string transactionId, CancellationToken cancellationToken)
    {
        TransactionIds.Add(transactionId);
        if (FailNextCreate)
        {
            FailNextCreate = false;
            throw new HttpRequestException("Graph could not be reached.");
        }

        var earlier = _events.FirstOrDefault(e => e.Value.TransactionId == transactionId);
        if (earlier.Key is not null)
        {
            return Task.FromResult(new EventVersion(earlier.Key, earlier.Value.ChangeKey, earlier.Value.Fingerprint));
        }

        var id = $"e{_events.Count + 1}";
        _events[id] = (written.ReferralId, written.Fingerprint, NextKey(), transactionId);
        return Task.FromResult(new EventVersion(id, _events[id].ChangeKey, written.Fingerprint));
    }

    public Task<EventWrite> UpdateAsync(string personId, string eventId, string changeKey, WriteBackEvent written, CancellationToken cancellationToken)
    {
        if (!_events.TryGetValue(eventId, out var e))
        {
            return Task.FromResult(new EventWrite(EventWriteOutcome.Gone));
        }

        if (e.ChangeKey != changeKey)
        {
            return Task.FromResult(new EventWrite(EventWriteOutcome.Stale));
        }

        _events[eventId] = e with { Fingerprint = written.Fingerprint, ChangeKey = NextKey() };
        if (LoseNextChangeAnswer)
        {
            LoseNextChangeAnswer = false;
            throw new HttpRequestException("The answer was lost.");
        }

        return Task.FromResult(new EventWrite(EventWriteOutcome.Done, _events[eventId].ChangeKey));
    }

    public Task<EventWriteOutcome> DeleteAsync(string personId, string eventId, string changeKey, CancellationToken cancellationToken)
    {
        if (FailNextDelete)
        {
            FailNextDelete = false;
            throw new HttpRequestException("Graph could not be reached.");
        }

        if (!_events.TryGetValue(eventId, out var e))
        {
            return Task.FromResult(EventWriteOutcome.Gone);
        }

        if (e.ChangeKey != changeKey)
        {
            return Task.FromResult(EventWriteOutcome.Stale);
        }

        _events.Remove(eventId);
        return Task.FromResult(EventWriteOutcome.Done);
    }

    public Task<EventVersion?> ReadAsync(string personId, string eventId, CancellationToken cancellationToken) =>
        Task.FromResult(_events.TryGetValue(eventId, out var e) ? new EventVersion(eventId, e.ChangeKey, e.Fingerprint) : null);

    public Task<string?> FindAsync(string personId, Guid referralId, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(_events.FirstOrDefault(e => e.Value.Referral == referralId).Key);

    public Task<Guid?> MarkOfAsync(string personId, string eventId, CancellationToken cancellationToken) =>
        Task.FromResult(_events.TryGetValue(eventId, out var e) ? e.Referral : (Guid?)null);

    private string NextKey() => $"k{++_versions}";
}
