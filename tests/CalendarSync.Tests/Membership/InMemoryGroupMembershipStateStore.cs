using PresenceBot.CalendarSync.Membership;

namespace PresenceBot.CalendarSync.Tests.Membership;

internal sealed class InMemoryGroupMembershipStateStore : IGroupMembershipStateStore
{
    public Dictionary<string, GroupMembershipState> States { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Task<IReadOnlyList<GroupMembershipState>> LoadAllAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GroupMembershipState>>([.. States.Values]);

    public Task SaveAsync(GroupMembershipState state, CancellationToken cancellationToken)
    {
        States[state.GroupId] = state;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string groupId, CancellationToken cancellationToken)
    {
        States.Remove(groupId);
        return Task.CompletedTask;
    }
}
