using System.Text.Json;
using System.Text.Json.Serialization;

namespace PresenceBot.TeamsChannel.Activities;

/// <summary>A user or bot. In Teams <see cref="Id"/> is the channel's id (<c>29:…</c>, <c>28:…</c>); the person is <see cref="AadObjectId"/>.</summary>
internal sealed record ChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? AadObjectId { get; init; }

    public string? Role { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
