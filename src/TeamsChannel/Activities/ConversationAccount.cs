using System.Text.Json;
using System.Text.Json.Serialization;

namespace PresenceBot.TeamsChannel.Activities;

internal sealed record ConversationAccount
{
    public const string Personal = "personal";

    public string? Id { get; init; }

    public string? Name { get; init; }

    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }

    public bool? IsGroup { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
