using System.Text.Json.Serialization;

namespace PresenceBot.TeamsChannel.Cards;

/// <summary>
/// An Adaptive Card on schema 1.5, the newest version Teams renders. Serialize it with
/// <see cref="AdaptiveCardJson"/> so element and action types carry their schema names.
/// </summary>
public sealed record AdaptiveCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    [JsonPropertyOrder(-3)]
    public string Type => "AdaptiveCard";

    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-2)]
    public string Schema => "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyOrder(-1)]
    public string Version => "1.5";

    public required IReadOnlyList<CardElement> Body { get; init; }

    public IReadOnlyList<CardAction>? Actions { get; init; }
}
