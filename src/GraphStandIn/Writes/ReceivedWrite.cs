namespace PresenceBot.GraphStandIn.Writes;

/// <summary>A Graph request that could change something, as received: method, path with query, raw body (empty for a DELETE).</summary>
public sealed record ReceivedWrite(string Method, string Path, string Body, DateTimeOffset ReceivedAt);
