using System.Text.Json;
using System.Text.Json.Serialization;

namespace PresenceBot.Bot.Channel;

/// <summary>The connector's JSON: camelCase, case-insensitive in, nulls left out.</summary>
internal static class ChannelJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
