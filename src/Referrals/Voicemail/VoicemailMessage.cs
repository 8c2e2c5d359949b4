using NodaTime;

namespace PresenceBot.Referrals.Voicemail;

/// <summary>
/// One voicemail in a person's ledger. <see cref="Source"/> + <see cref="Id"/> identify it (the switchboard's id, or the
/// message's id in the mailbox), so a repeated event updates the message. <see cref="Caller"/> is shown to its owner only.
/// </summary>
public sealed record VoicemailMessage
{
    /// <summary>How much of a caller's name or number is kept; the card shows no more.</summary>
    public const int MaxCallerLength = 64;

    /// <summary>The longest id any source may use (a mailbox's message ids run to some 150 characters).</summary>
    public const int MaxIdLength = 256;

    public required string Source { get; init; }

    public required string Id { get; init; }

    public required string PersonId { get; init; }

    public required Instant ReceivedAt { get; init; }

    public string? Caller { get; init; }

    public int? DurationSeconds { get; init; }

    public required VoicemailState State { get; init; }
}
