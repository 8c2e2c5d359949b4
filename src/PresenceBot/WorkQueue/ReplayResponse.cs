namespace PresenceBot.WorkQueue;

/// <summary>How many dead letters a replay put back into the queue.</summary>
public sealed record ReplayResponse(int Replayed);
