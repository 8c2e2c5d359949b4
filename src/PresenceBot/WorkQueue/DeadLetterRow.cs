using NodaTime;

namespace PresenceBot.WorkQueue;

/// <summary>Work that failed for good (too many attempts or too old), kept in <c>work_dead_letters</c> until replayed.</summary>
internal sealed class DeadLetterRow
{
    public long Id { get; set; }

    public required string Kind { get; set; }

    public required string Key { get; set; }

    public string? Payload { get; set; }

    public int Attempts { get; set; }

    public string? FirstError { get; set; }

    public string? LastError { get; set; }

    public Instant CreatedAt { get; set; }

    public Instant DeadAt { get; set; }
}
