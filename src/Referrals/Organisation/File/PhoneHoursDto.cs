using System.Text.Json;
using System.Text.Json.Serialization;

namespace PresenceBot.Referrals.Organisation;

internal sealed record PhoneHoursDto
{
    public List<string?>? Days { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownFields { get; init; }
}
