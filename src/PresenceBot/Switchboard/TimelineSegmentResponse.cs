namespace PresenceBot.Switchboard;

/// <summary>One stretch of the timeline; <see cref="ReturnsAt"/> is the end of the whole merged absence.</summary>
public sealed record TimelineSegmentResponse(
    DateTimeOffset From,
    DateTimeOffset To,
    string State,
    string? Reason,
    string? ReasonText,
    string Phone,
    string? Source,
    DateTimeOffset? ReturnsAt);
