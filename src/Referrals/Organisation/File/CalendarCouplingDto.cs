using System.Text.Json;
using System.Text.Json.Serialization;

namespace PresenceBot.Referrals.Organisation;

internal sealed record CalendarCouplingDto
{
    public string? Default { get; init; }

    public int? MergeGapMinutes { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownFields { get; init; }
}
