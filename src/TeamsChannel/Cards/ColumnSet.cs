namespace PresenceBot.TeamsChannel.Cards;

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement;
