using NodaTime;

namespace PresenceBot.WorkQueue;

/// <summary>A dead letter as listed for operators: what it was, how often it was tried and why it failed.</summary>
internal sealed record DeadLetter(long Id, string Kind, string Key, int Attempts, string? FirstError, string? LastError, Instant CreatedAt, Instant DeadAt);
