using NodaTime;

namespace PresenceBot.CalendarSync.Processing;

/// <summary>Where the last re-read of a person's calendar left off: Graph's delta link and the window it covers.</summary>
public sealed record CalendarSyncState(string PersonId, string DeltaLink, Instant WindowStart, Instant WindowEnd, Instant SyncedAt);
