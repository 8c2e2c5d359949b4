namespace PresenceBot.Referrals.Organisation;

/// <summary>An enhet: its managers, phone hours (telefontid) and how many must be reachable in them.</summary>
public sealed record Unit
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required Municipality Municipality { get; init; }

    public required IReadOnlyList<string> ManagerIds { get; init; }

    public required int MinimumStaffed { get; init; }

    /// <summary>The unit's own schedule, or the organisation's default when the file gives none.</summary>
    public required IReadOnlyList<PhoneHoursRule> PhoneHours { get; init; }

    /// <summary>Whether callers hear the unit's name in the talsvar ("Kim Krona, Lycksele kommun, Kansli, …").</summary>
    public bool SpokenInTalsvar { get; init; }

    /// <summary>An Entra ID group whose members also belong to the unit (joiners coupled, leavers uncoupled without editing the file).</summary>
    public string? EntraGroupId { get; init; }
}
