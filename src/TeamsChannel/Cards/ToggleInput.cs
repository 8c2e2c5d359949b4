namespace PresenceBot.TeamsChannel.Cards;

public sealed record ToggleInput(string Id, string Title) : CardInput(Id)
{
    public string? Value { get; init; }

    public string? ValueOn { get; init; }

    public string? ValueOff { get; init; }
}
