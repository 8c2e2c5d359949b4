using NodaTime;
using PresenceBot.Referrals.Voicemail;

namespace PresenceBot.Storage.Rows;

/// <summary>One voicemail in a person's ledger, keyed by source and the source's id so a repeated event updates it.</summary>
internal sealed class VoicemailRow
{
    public required string Source { get; set; }

    public required string Id { get; set; }

    public required string PersonId { get; set; }

    public Instant ReceivedAt { get; set; }

    public string? Caller { get; set; }

    public int? DurationSeconds { get; set; }

    /// <summary>Stored as its number so SQL can keep it moving forward only (new 0 → heard 1 → deleted 2).</summary>
    public VoicemailState State { get; set; }

    public Instant RecordedAt { get; set; }

    public Instant UpdatedAt { get; set; }
}
