using System.Collections.Concurrent;
using NodaTime;
using PresenceBot.TeamsChannel.Proactive;

namespace PresenceBot.TeamsChannel.Tests.Support;

/// <summary>The channel's reference store as its contract says, in memory, so tests can read what was stored.</summary>
public sealed class InMemoryConversationReferences : IConversationReferenceStore
{
    private readonly ConcurrentDictionary<string, ConversationReference> _references = new(StringComparer.Ordinal);

    public IReadOnlyCollection<ConversationReference> All => [.. _references.Values];

    public Task<ConversationReference?> FindAsync(string personId, CancellationToken cancellationToken) =>
        Task.FromResult(_references.GetValueOrDefault(personId));

    public Task RememberAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        _references.AddOrUpdate(reference.PersonId, reference, (_, known) => reference with
        {
            // As the contract says: a message elsewhere keeps the known 1:1 chat unless the channel moved.
            ConversationId = reference.ConversationId ?? (known.ServiceUrl == reference.ServiceUrl ? known.ConversationId : null),
            IsStale = false,
        });
        return Task.CompletedTask;
    }

    public Task SetConversationAsync(string personId, string conversationId, Instant at, CancellationToken cancellationToken)
    {
        Update(personId, known => known with { ConversationId = conversationId, UpdatedAt = at });
        return Task.CompletedTask;
    }

    public Task MarkStaleAsync(string personId, Instant at, CancellationToken cancellationToken)
    {
        Update(personId, known => known with { IsStale = true, UpdatedAt = at });
        return Task.CompletedTask;
    }

    public Task ForgetAsync(string personId, CancellationToken cancellationToken)
    {
        _references.TryRemove(personId, out _);
        return Task.CompletedTask;
    }

    private void Update(string personId, Func<ConversationReference, ConversationReference> change)
    {
        if (_references.TryGetValue(personId, out var known))
        {
            _references[personId] = change(known);
        }
    }
}
