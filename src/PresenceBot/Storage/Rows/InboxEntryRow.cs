using NodaTime;

namespace PresenceBot.Storage.Rows;

/// <summary>A Graph notification as recorded before the 202: ids and kind only, nothing from the booking.</summary>
internal sealed class InboxEntryRow
{
    public Guid Id { get; set; }

    public Instant ReceivedAt { get; set; }

    public required string PersonId { get; set; }

    public required string SubscriptionId { get; set; }

    public required string Kind { get; set; }

    public string? EventId { get; set; }

    public Instant? ProcessedAt { get; set; }
}
