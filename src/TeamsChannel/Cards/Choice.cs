namespace PresenceBot.TeamsChannel.Cards;

public sealed record Choice(string Title, string Value);
