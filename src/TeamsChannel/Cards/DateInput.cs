namespace PresenceBot.TeamsChannel.Cards;

/// <summary>Dates are written <c>yyyy-MM-dd</c>, as the schema asks.</summary>
public sealed record DateInput(string Id) : CardInput(Id)
{
    public DateOnly? Value { get; init; }

    public DateOnly? Min { get; init; }

    public DateOnly? Max { get; init; }

    public string? Placeholder { get; init; }
}
