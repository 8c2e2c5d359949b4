using NodaTime;

namespace PresenceBot.Storage.Rows;

/// <summary>Where the reading of one Entra ID group left off (see <c>CalendarSync/Membership</c>); its members are <see cref="GroupMemberRow"/>s.</summary>
internal sealed class GroupMembershipStateRow
{
    public required string GroupId { get; set; }

    /// <summary>Graph's delta link, token included: like the calendar ones, stored but never logged.</summary>
    public required string DeltaLink { get; set; }

    public Instant FullReadAt { get; set; }

    public Instant SyncedAt { get; set; }
}
