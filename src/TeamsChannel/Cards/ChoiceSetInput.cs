namespace PresenceBot.TeamsChannel.Cards;

public sealed record ChoiceSetInput(string Id, IReadOnlyList<Choice> Choices) : CardInput(Id)
{
    public string? Value { get; init; }

    public bool? IsMultiSelect { get; init; }

    public ChoiceInputStyle? Style { get; init; }

    public string? Placeholder { get; init; }
}
