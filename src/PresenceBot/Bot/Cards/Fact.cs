namespace PresenceBot.Bot.Cards;

public sealed record Fact(string Title, string Value);
