namespace PresenceBot.TeamsChannel.Cards;

/// <summary>An input: its <see cref="Id"/> is the key its value is submitted under, so the schema requires it.</summary>
public abstract record CardInput(string Id) : CardElement
{
    public string? Label { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}
