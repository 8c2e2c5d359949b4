namespace PresenceBot.TeamsChannel.Cards;

public sealed record OpenUrlAction(string Title, Uri Url) : CardAction(Title);
