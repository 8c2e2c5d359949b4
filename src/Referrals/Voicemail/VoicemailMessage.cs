using NodaTime;

namespace PresenceBot.Referrals.Voicemail;

/// <summary>
/// One voicemail in a person's ledger. <see cref="Source"/> + <see cref="Id"/> identify it (the switchboard's id, later
/// also the mailbox's), so a repeated event updates the message. <see cref="Caller"/> is shown to its owner only.
/// </summary>
public sealed record VoicemailMessage
{
    public required string Source { get; init; }

    public required string Id { get; init; }

    public required string PersonId { get; init; }

    public required Instant ReceivedAt { get; init; }

    public string? Caller { get; init; }

    public int? DurationSeconds { get; init; }

    public required VoicemailState State { get; init; }
}
