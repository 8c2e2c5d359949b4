using System.Text.Json;
using System.Text.Json.Serialization;

namespace PresenceBot.Referrals.Organisation;

internal sealed record PersonDto
{
    public string? Id { get; init; }

    public string? Upn { get; init; }

    public string? Name { get; init; }

    public string? Unit { get; init; }

    public string? Extension { get; init; }

    public string? CalendarCoupling { get; init; }

    public bool? VoicemailFromMailbox { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownFields { get; init; }
}
