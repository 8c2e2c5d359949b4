namespace PresenceBot.TeamsChannel.Tests.Support;

public sealed record ConnectorAnswer(int Status, string? Body = null, int? RetryAfterSeconds = null);
