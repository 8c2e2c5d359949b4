using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace PresenceBot.TeamsChannel.Activities;

/// <summary>The connector's JSON: camelCase, case-insensitive in, nulls left out.</summary>
internal static class ChannelJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Swedish letters as themselves, not \u00E4: the same JSON either way, but readable in captures and logs.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}
