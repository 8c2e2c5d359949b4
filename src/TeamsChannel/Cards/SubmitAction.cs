namespace PresenceBot.TeamsChannel.Cards;

/// <summary>Sends the card's inputs, merged with <see cref="Data"/>, back as a message with a <c>value</c>.</summary>
public sealed record SubmitAction(string Title) : CardAction(Title)
{
    public IReadOnlyDictionary<string, string>? Data { get; init; }
}
