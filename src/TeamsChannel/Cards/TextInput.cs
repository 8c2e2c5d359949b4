namespace PresenceBot.TeamsChannel.Cards;

public sealed record TextInput(string Id) : CardInput(Id)
{
    public string? Value { get; init; }

    public string? Placeholder { get; init; }

    public bool? IsMultiline { get; init; }

    public int? MaxLength { get; init; }
}
