namespace PresenceBot.TeamsChannel.Cards;

public sealed record TextBlock(string Text) : CardElement
{
    /// <summary>Defaults to wrapping: Teams otherwise cuts Swedish sentences off at the card's edge.</summary>
    public bool? Wrap { get; init; } = true;

    public TextWeight? Weight { get; init; }

    public TextSize? Size { get; init; }

    public TextColor? Color { get; init; }

    public bool? IsSubtle { get; init; }
}
