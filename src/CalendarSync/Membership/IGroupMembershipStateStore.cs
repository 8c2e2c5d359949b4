namespace PresenceBot.CalendarSync.Membership;

/// <summary>Durable per-group state, so a restart continues with changes only and knows the members before Graph answers.</summary>
public interface IGroupMembershipStateStore
{
    Task<IReadOnlyList<GroupMembershipState>> LoadAllAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the group's delta link, times and members.</summary>
    Task SaveAsync(GroupMembershipState state, CancellationToken cancellationToken);

    Task DeleteAsync(string groupId, CancellationToken cancellationToken);
}
