using NodaTime;

namespace PresenceBot.Storage.Rows;

/// <summary>
/// An event committed in the same transaction as the change it describes, delivered afterwards.
/// <see cref="LockedUntil"/> is a lease so several app instances never deliver one message at once.
/// </summary>
internal sealed class OutboxMessageRow
{
    public Guid Id { get; set; }

    public required string Type { get; set; }

    public required string Payload { get; set; }

    public Instant OccurredAt { get; set; }

    public Instant? ProcessedAt { get; set; }

    public Instant? LockedUntil { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}
