using NodaTime;

namespace PresenceBot.WorkQueue;

/// <summary>A claimed item as its handler sees it; <see cref="Attempt"/> is 1 on the first run.</summary>
internal sealed record WorkItem(long Id, string Kind, string Key, string? Payload, int Attempt, long Generation, string LeaseOwner, Instant CreatedAt);
