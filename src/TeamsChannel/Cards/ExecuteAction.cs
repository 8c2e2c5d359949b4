namespace PresenceBot.TeamsChannel.Cards;

/// <summary>Universal action: arrives as an <c>adaptiveCard/action</c> invoke whose answer can replace the card.</summary>
public sealed record ExecuteAction(string Title, string Verb) : CardAction(Title)
{
    public IReadOnlyDictionary<string, string>? Data { get; init; }
}
