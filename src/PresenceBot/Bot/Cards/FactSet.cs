namespace PresenceBot.Bot.Cards;

public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;
