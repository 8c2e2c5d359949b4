using PresenceBot.Referrals.Organisation;

namespace PresenceBot.CalendarSync.Membership;

/// <summary>Where the members read from units' Entra ID groups go (the host folds them into the organisation).</summary>
public interface IGroupMembershipSink
{
    /// <summary>The unit's group has exactly these members now.</summary>
    void Publish(string unitId, IReadOnlyList<GroupMember> members);
}
