using NodaTime;
using PresenceBot.TeamsChannel.Connector;

namespace PresenceBot.TeamsChannel.Proactive;

/// <summary>
/// How to reach one person proactively: the Teams ids of the user and the bot, the service URL and
/// tenant, and their 1:1 conversation when known (null when we have only seen them in a team or group chat).
/// </summary>
public sealed record ConversationReference
{
    public required string PersonId { get; init; }

    public required string UserId { get; init; }

    public required string BotId { get; init; }

    public required string ServiceUrl { get; init; }

    public string? ConversationId { get; init; }

    public string? TenantId { get; init; }

    /// <summary>Teams refused a message (403/404): nothing more is sent until the person is heard from again.</summary>
    public bool IsStale { get; init; }

    public Instant UpdatedAt { get; init; }
}
