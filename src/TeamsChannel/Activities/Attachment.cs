using System.Text.Json;

namespace PresenceBot.TeamsChannel.Activities;

internal sealed record Attachment
{
    public string? ContentType { get; init; }

    public JsonElement? Content { get; init; }

    public string? ContentUrl { get; init; }

    public string? Name { get; init; }
}
