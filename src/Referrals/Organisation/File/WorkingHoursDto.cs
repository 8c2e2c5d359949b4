using System.Text.Json;
using System.Text.Json.Serialization;

namespace PresenceBot.Referrals.Organisation;

internal sealed record WorkingHoursDto
{
    public List<string?>? Days { get; init; }

    public string? Start { get; init; }

    public string? End { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownFields { get; init; }
}
