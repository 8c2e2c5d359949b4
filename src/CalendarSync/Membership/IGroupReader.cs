using PresenceBot.Referrals.Organisation;

namespace PresenceBot.CalendarSync.Membership;

/// <summary>
/// Graph's view of a group's members. Membership comes from Graph's groups/delta, which names members by id only;
/// their UPN and name are read separately, for the ids not already known.
/// </summary>
public interface IGroupReader
{
    /// <summary>The group's user members now (a first delta round), with the delta link for what changes next; null when Graph doesn't know the group.</summary>
    Task<GroupRead?> ReadAllAsync(string groupId, CancellationToken cancellationToken);

    /// <summary>
    /// Joiners and leavers since <paramref name="deltaLink"/>; null when the group itself was deleted. Throws
    /// <see cref="Processing.DeltaExpiredException"/> when Graph no longer accepts the link and wants a full read.
    /// </summary>
    Task<GroupRead?> ReadChangesAsync(string groupId, string deltaLink, CancellationToken cancellationToken);

    /// <summary>The group's user members with UPN and name (all pages): cheaper than <see cref="UserAsync"/> for many unknown members at once.</summary>
    Task<IReadOnlyList<GroupMember>> MembersAsync(string groupId, CancellationToken cancellationToken);

    /// <summary>One user's UPN and name, or null when Graph doesn't know them as a user.</summary>
    Task<GroupMember?> UserAsync(string userId, CancellationToken cancellationToken);
}
