namespace PresenceBot.TeamsChannel.Cards;

public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;
