using NodaTime;

namespace PresenceBot.Storage.Rows;

/// <summary>Who changed what, when, through which source; before/after as JSON snapshots.</summary>
internal sealed class AuditEntryRow
{
    public Guid Id { get; set; }

    public required string PersonId { get; set; }

    public Instant At { get; set; }

    public required string Source { get; set; }

    public required string Actor { get; set; }

    public required string Action { get; set; }

    public Guid? ReferralId { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }
}
