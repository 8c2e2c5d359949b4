namespace PresenceBot.Switchboard;

public sealed record TimelineResponse(PersonResponse Person, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<TimelineSegmentResponse> Segments);
