using NodaTime;

namespace PresenceBot.WorkQueue;

/// <summary>One kind's state in the tables at one moment.</summary>
internal sealed record WorkKindStatus(string Kind, long Waiting, Duration OldestAge, long DeadLetters);
