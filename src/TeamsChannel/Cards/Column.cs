using System.Text.Json.Serialization;

namespace PresenceBot.TeamsChannel.Cards;

/// <summary>A column of a <see cref="ColumnSet"/>; not a body element of its own, but typed all the same.</summary>
public sealed record Column(IReadOnlyList<CardElement> Items)
{
    [JsonPropertyOrder(-1)]
    public string Type => "Column";

    /// <summary><c>auto</c>, <c>stretch</c>, a weight such as <c>2</c>, or pixels such as <c>50px</c>.</summary>
    public string? Width { get; init; }
}
