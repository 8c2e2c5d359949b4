using PresenceBot.CalendarSync.Membership;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.CalendarSync.Tests.Membership;

/// <summary>The sink end: what was last published, by group.</summary>
internal sealed class PublishedMembers : IGroupMembershipSink
{
    public IReadOnlyDictionary<string, IReadOnlyList<GroupMember>> Last { get; private set; } = new Dictionary<string, IReadOnlyList<GroupMember>>();

    public void Publish(IReadOnlyDictionary<string, IReadOnlyList<GroupMember>> membersByGroup) => Last = membersByGroup;
}
