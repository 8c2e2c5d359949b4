using System.Text.Json;

namespace PresenceBot.TeamsChannel.Activities;

/// <summary>The body of <c>POST /v3/conversations</c>: the bot, the one member and the tenant of a new 1:1 chat.</summary>
internal sealed record ConversationParameters
{
    public bool IsGroup { get; init; }

    public required ChannelAccount Bot { get; init; }

    public required IReadOnlyList<ChannelAccount> Members { get; init; }

    public string? TenantId { get; init; }

    public JsonElement? ChannelData { get; init; }
}
