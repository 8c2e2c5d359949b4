using NodaTime;

namespace PresenceBot.Storage.Rows;

/// <summary>One stored referral. Enums are stored by name so the database reads well for an operator.</summary>
internal sealed class ReferralRow
{
    public Guid Id { get; set; }

    public required string PersonId { get; set; }

    public required string Reason { get; set; }

    public Instant Start { get; set; }

    public Instant ReturnsAt { get; set; }

    public Instant? EndedAt { get; set; }

    public required string Phone { get; set; }

    public required string Source { get; set; }

    public string? Note { get; set; }

    public string? ExternalKey { get; set; }

    public Instant UpdatedAt { get; set; }
}
