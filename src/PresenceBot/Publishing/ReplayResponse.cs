namespace PresenceBot.Publishing;

public sealed record ReplayResponse(int Replayed);
