using NodaTime;

namespace PresenceBot.Storage.Rows;

internal sealed class CalendarSyncStateRow
{
    public required string PersonId { get; set; }

    public required string DeltaLink { get; set; }

    public Instant WindowStart { get; set; }

    public Instant WindowEnd { get; set; }

    public Instant SyncedAt { get; set; }
}
