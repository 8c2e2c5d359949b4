using PresenceBot.TeamsChannel.Cards;


namespace PresenceBot.TeamsChannel.Turns;

/// <summary>
/// What the bot says: a text, or a card that is the whole answer. Beside a card, <see cref="Text"/> is only its preview
/// (notifications, the chat list) and goes out as the activity's <c>summary</c>, never as a message text above the card:
/// a button's answer replaces the card alone, and a text above it would go on saying what is no longer true.
/// </summary>
public sealed record BotMessage
{
    /// <summary>The message, when there is no card; with a card, the preview text (everything it says is in the card).</summary>
    public string? Text { get; init; }

    public AdaptiveCard? Card { get; init; }

    public static BotMessage FromText(string text) => new() { Text = text };

    public static BotMessage FromCard(AdaptiveCard card, string? summary = null) => new() { Card = card, Text = summary };
}
