using NodaTime;

namespace PresenceBot.TeamsChannel.Proactive;

public interface IConversationReferenceStore
{
    Task<ConversationReference?> FindAsync(string personId, CancellationToken cancellationToken);

    /// <summary>Stores or refreshes the reference and clears the stale flag; a known 1:1 conversation id is kept when the new one has none.</summary>
    Task RememberAsync(ConversationReference reference, CancellationToken cancellationToken);

    Task SetConversationAsync(string personId, string conversationId, Instant at, CancellationToken cancellationToken);

    Task MarkStaleAsync(string personId, Instant at, CancellationToken cancellationToken);

    Task ForgetAsync(string personId, CancellationToken cancellationToken);
}
