namespace PresenceBot.Bot.Cards;

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement;
