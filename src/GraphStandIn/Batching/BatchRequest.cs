namespace PresenceBot.GraphStandIn.Batching;

/// <summary>The body of <c>POST /$batch</c>.</summary>
internal sealed record BatchRequest(IReadOnlyList<BatchRequestItem>? Requests);
