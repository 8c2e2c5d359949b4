namespace PresenceBot.GraphStandIn.Calendars;

/// <summary>
/// Graph's <c>recurrencePattern</c>. The stand-in expands <c>daily</c> and <c>weekly</c>; other types are stored and
/// returned but not expanded.
/// </summary>
public sealed record RecurrencePattern
{
    public required string Type { get; init; }

    public int Interval { get; init; } = 1;

    public IReadOnlyList<string>? DaysOfWeek { get; init; }

    public string FirstDayOfWeek { get; init; } = "sunday";

    public int DayOfMonth { get; init; }

    public int Month { get; init; }

    public string Index { get; init; } = "first";
}
