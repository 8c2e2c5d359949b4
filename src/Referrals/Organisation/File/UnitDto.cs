using System.Text.Json;
using System.Text.Json.Serialization;

namespace PresenceBot.Referrals.Organisation;

internal sealed record UnitDto
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Municipality { get; init; }

    public List<string?>? Managers { get; init; }

    public int? MinimumStaffed { get; init; }

    public bool? InTalsvar { get; init; }

    public string? EntraGroupId { get; init; }

    public List<PhoneHoursDto?>? PhoneHours { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownFields { get; init; }
}
