using System.Text.Json;
using System.Text.Json.Serialization;

namespace PresenceBot.Referrals.Organisation;

internal sealed record MunicipalityDto
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public bool? VoicemailFromMailbox { get; init; }

    public string? WriteBack { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownFields { get; init; }
}
