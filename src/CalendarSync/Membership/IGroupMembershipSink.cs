using PresenceBot.Referrals.Organisation;

namespace PresenceBot.CalendarSync.Membership;

/// <summary>Where the members read from Entra ID groups go (the host folds them into the organisation).</summary>
public interface IGroupMembershipSink
{
    /// <summary>
    /// Every group's members now, by group id; replaces what was published before. Each unit that names a group
    /// gets its members; a group no unit names counts for nothing.
    /// </summary>
    void Publish(IReadOnlyDictionary<string, IReadOnlyList<GroupMember>> membersByGroup);
}
