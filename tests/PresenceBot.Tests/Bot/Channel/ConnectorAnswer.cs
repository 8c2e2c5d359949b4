namespace PresenceBot.Tests.Bot.Channel;

public sealed record ConnectorAnswer(int Status, string? Body = null, int? RetryAfterSeconds = null);
