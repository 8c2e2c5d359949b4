namespace PresenceBot.GraphStandIn.Calendars;

/// <summary>Graph's <c>recurrenceRange</c>: type endDate, numbered or noEnd; dates are "yyyy-MM-dd".</summary>
public sealed record RecurrenceRange
{
    public required string Type { get; init; }

    public required string StartDate { get; init; }

    public string? EndDate { get; init; }

    public int NumberOfOccurrences { get; init; }

    public string? RecurrenceTimeZone { get; init; }
}
