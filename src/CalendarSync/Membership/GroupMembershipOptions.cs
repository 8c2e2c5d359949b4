using System.ComponentModel.DataAnnotations;

namespace PresenceBot.CalendarSync.Membership;

/// <summary>How often units' Entra ID groups are read.</summary>
public sealed class GroupMembershipOptions
{
    public const string SectionName = "GroupMembership";

    /// <summary>
    /// Minutes between rounds of Graph's groups/delta. A round in which nothing changed is one small request per
    /// group, so this can be short; it is also how soon an instance that didn't run the round sees its result.
    /// </summary>
    [Range(1, 30)]
    public int PollMinutes { get; set; } = 5;

    /// <summary>Hours after which a group is read in full again all the same: a safety net should a change ever be missed.</summary>
    [Range(1, 168)]
    public int FullReadHours { get; set; } = 24;
}
