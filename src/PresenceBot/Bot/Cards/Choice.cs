namespace PresenceBot.Bot.Cards;

public sealed record Choice(string Title, string Value);
