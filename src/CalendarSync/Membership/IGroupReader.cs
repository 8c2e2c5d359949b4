using PresenceBot.Referrals.Organisation;

namespace PresenceBot.CalendarSync.Membership;

public interface IGroupReader
{
    /// <summary>The group's user members (all pages).</summary>
    Task<IReadOnlyList<GroupMember>> MembersAsync(string groupId, CancellationToken cancellationToken);
}
