using System.Text.Json;
using System.Text.Json.Serialization;

namespace PresenceBot.TeamsChannel.Cards;

/// <summary>The JSON Teams expects of a card: camelCase names and enum values, absent rather than null members.</summary>
public static class AdaptiveCardJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static JsonElement ToElement(AdaptiveCard card) => JsonSerializer.SerializeToElement(card, Options);

    public static string Serialize(AdaptiveCard card) => JsonSerializer.Serialize(card, Options);
}
