using System.Text.Json;

namespace PresenceBot.Bot.Conversation;

/// <summary>
/// The values a card sent back (its inputs merged with the action's data), read as strings: Teams sends every input
/// as a string, and anything else is treated as absent rather than trusted.
/// </summary>
internal sealed class CardData(JsonElement? data)
{
    public string? this[string key] =>
        data is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty(key, out var property) && property.ValueKind == JsonValueKind.String
        && property.GetString() is { } text && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;

    public string? Verb => this[CardVerbs.VerbKey];

    public string? Version => this[CardVerbs.VersionKey];
}
