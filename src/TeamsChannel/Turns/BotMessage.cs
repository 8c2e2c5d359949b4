using PresenceBot.TeamsChannel.Cards;


namespace PresenceBot.TeamsChannel.Turns;

/// <summary>What the bot says: text, a card, or both (the text then shows in notifications and previews).</summary>
public sealed record BotMessage
{
    public string? Text { get; init; }

    public AdaptiveCard? Card { get; init; }

    public static BotMessage FromText(string text) => new() { Text = text };

    public static BotMessage FromCard(AdaptiveCard card, string? summary = null) => new() { Card = card, Text = summary };
}
