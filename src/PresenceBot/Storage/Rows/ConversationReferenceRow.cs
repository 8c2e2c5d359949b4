using NodaTime;

namespace PresenceBot.Storage.Rows;

/// <summary>One person's way to be reached by the bot (see <c>TeamsChannel/Proactive/ConversationReference</c>).</summary>
internal sealed class ConversationReferenceRow
{
    public required string PersonId { get; set; }

    public required string UserId { get; set; }

    public required string BotId { get; set; }

    public required string ServiceUrl { get; set; }

    public string? ConversationId { get; set; }

    public string? TenantId { get; set; }

    public bool IsStale { get; set; }

    public Instant UpdatedAt { get; set; }
}
