using NodaTime;
using PresenceBot.Referrals.Voicemail;

namespace PresenceBot.Referrals.Tests.Voicemail;

/// <summary>The ledger's contract (upsert by source and id, state only forward) in memory, for the domain's own tests.</summary>
internal sealed class InMemoryVoicemailLedger : IVoicemailLedger
{
    private readonly Dictionary<(string Source, string Id), VoicemailMessage> _messages = [];

    public int Writes { get; private set; }

    public IReadOnlyCollection<VoicemailMessage> All => _messages.Values;

    public Task<VoicemailRecordOutcome> RecordAsync(VoicemailMessage message, Instant now, CancellationToken cancellationToken)
    {
        Writes++;
        var key = (message.Source, message.Id);
        var created = !_messages.TryGetValue(key, out var current);
        var state = current is null || message.State > current.State ? message.State : current.State;
        _messages[key] = message with { State = state, Caller = message.Caller ?? current?.Caller };
        return Task.FromResult(new VoicemailRecordOutcome(created, state));
    }

    public Task<IReadOnlyDictionary<string, VoicemailState>> StatesAsync(string source, IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, VoicemailState>>(_messages.Values
            .Where(m => m.Source == source && ids.Contains(m.Id))
            .ToDictionary(m => m.Id, m => m.State));

    public Task<PersonVoicemails> ForPersonAsync(string personId, CancellationToken cancellationToken) =>
        Task.FromResult(new PersonVoicemails(
            personId,
            [.. _messages.Values.Where(m => m.PersonId == personId && m.State == VoicemailState.New).OrderBy(m => m.ReceivedAt)],
            null));

    public Task<IReadOnlyList<string>> PeopleWithUnheardAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. _messages.Values.Where(m => m.State == VoicemailState.New).Select(m => m.PersonId).Distinct()]);

    public Task<IReadOnlyList<string>> PeopleWithUnheardAsync(string source, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. _messages.Values.Where(m => m.State == VoicemailState.New && m.Source == source).Select(m => m.PersonId).Distinct()]);

    public Task<int> MarkHeardAsync(string personId, IReadOnlyCollection<string> messageIds, Instant now, CancellationToken cancellationToken)
    {
        var marked = _messages.Values
            .Where(m => m.PersonId == personId && m.State == VoicemailState.New && (messageIds.Count == 0 || messageIds.Contains(m.Id)))
            .ToList();
        foreach (var message in marked)
        {
            _messages[(message.Source, message.Id)] = message with { State = VoicemailState.Heard };
        }

        return Task.FromResult(marked.Count);
    }

    public Task SnoozeAsync(string personId, Instant until, CancellationToken cancellationToken) => Task.CompletedTask;
}
