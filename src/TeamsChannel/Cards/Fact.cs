namespace PresenceBot.TeamsChannel.Cards;

public sealed record Fact(string Title, string Value);
