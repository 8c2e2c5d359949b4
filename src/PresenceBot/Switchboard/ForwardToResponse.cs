namespace PresenceBot.Switchboard;

/// <summary>The colleague a person's calls are forwarded to, and until when (in the organisation's zone).</summary>
public sealed record ForwardToResponse(string Id, string Name, DateTimeOffset Until);
