using System.Text.Json.Serialization;

namespace PresenceBot.TeamsChannel.Cards;

/// <summary>Times are written <c>HH:mm</c>: the schema's format, not .NET's default <c>HH:mm:ss</c>.</summary>
public sealed record TimeInput(string Id) : CardInput(Id)
{
    [JsonConverter(typeof(HourMinuteConverter))]
    public TimeOnly? Value { get; init; }

    [JsonConverter(typeof(HourMinuteConverter))]
    public TimeOnly? Min { get; init; }

    [JsonConverter(typeof(HourMinuteConverter))]
    public TimeOnly? Max { get; init; }

    public string? Placeholder { get; init; }
}
