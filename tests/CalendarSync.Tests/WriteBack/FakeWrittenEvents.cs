using PresenceBot.CalendarSync.WriteBack;

namespace PresenceBot.CalendarSync.Tests.WriteBack;

/// <summary>The written events as a list, and the marks Graph would answer per event id; records what was asked and done.</summary>
internal sealed class FakeWrittenEvents : IWrittenEventStore, IOutlookEventWriter
{
    public List<WrittenEvent> Rows { get; } = [];

    public Dictionary<string, Guid> Marks { get; } = [];

    public List<string> MarksRead { get; } = [];

    public List<Guid> Released { get; } = [];

    public Task<IReadOnlyList<WrittenEvent>> FindAsync(string personId, IReadOnlyCollection<string> eventIds, IReadOnlyCollection<Guid> referralIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<WrittenEvent>>(
            Rows.Where(r => r.PersonId == personId && ((r.EventId is not null && eventIds.Contains(r.EventId)) || referralIds.Contains(r.ReferralId) || (r.EventId is null && r.State == WrittenEventState.Active))).ToList());

    public Task AdoptAsync(Guid referralId, string eventId, CancellationToken cancellationToken)
    {
        var i = Rows.FindIndex(r => r.ReferralId == referralId);
        Rows[i] = Rows[i] with { EventId = eventId, Written = Rows[i].Pending, Pending = null };
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(IReadOnlyCollection<Guid> referralIds, CancellationToken cancellationToken)
    {
        Released.AddRange(referralIds);
        return Task.CompletedTask;
    }

    public Task<Guid?> MarkOfAsync(string personId, string eventId, CancellationToken cancellationToken)
    {
        MarksRead.Add(eventId);
        return Task.FromResult<Guid?>(Marks.TryGetValue(eventId, out var id) ? id : null);
    }

    public Task<EventVersion> CreateAsync(string personId, WriteBackEvent written, string transactionId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<EventWrite> UpdateAsync(string personId, string eventId, string changeKey, WriteBackEvent written, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<EventWriteOutcome> DeleteAsync(string personId, string eventId, string changeKey, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<EventVersion?> ReadAsync(string personId, string eventId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string?> FindAsync(string personId, Guid referralId, CancellationToken cancellationToken) => throw new NotSupportedException();
}
