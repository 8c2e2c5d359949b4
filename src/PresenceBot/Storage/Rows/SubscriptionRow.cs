using NodaTime;

namespace PresenceBot.Storage.Rows;

internal sealed class SubscriptionRow
{
    public required string Id { get; set; }

    public required string PersonId { get; set; }

    public required string Resource { get; set; }

    public required string ClientState { get; set; }

    public Instant ExpiresAt { get; set; }

    public Instant CreatedAt { get; set; }
}
