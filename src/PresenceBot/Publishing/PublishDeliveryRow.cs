using NodaTime;

namespace PresenceBot.Publishing;

/// <summary>
/// The last state a destination was sent for a person (<c>publish_deliveries</c>): its sequence, a fingerprint of its
/// content and whether the destination took it. A retry of an unconfirmed state sends the very same message (same
/// sequence, event id and time), a new state gets the next sequence, and a state already taken is not sent again.
/// Holds no personal data beyond the person's id.
/// </summary>
internal sealed class PublishDeliveryRow
{
    public required string Destination { get; set; }

    public required string PersonId { get; set; }

    public long Sequence { get; set; }

    public required string Fingerprint { get; set; }

    public Instant OccurredAt { get; set; }

    public Instant? DeliveredAt { get; set; }
}
