namespace PresenceBot.OperatorPage;

/// <summary>A stretch of time in the organisation's zone with its Swedish text ("i morgon 10.00–11.30").</summary>
public sealed record StretchEntry(DateTimeOffset From, DateTimeOffset To, string Text, string? ReasonText, string? Phone);
