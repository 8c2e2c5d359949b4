namespace PresenceBot.GraphStandIn.Directory;

/// <summary>
/// Users and group memberships (Entra ID's part of Graph). Users are found by id or userPrincipalName, as Graph
/// does; a user named only by an event is created on the fly so a newcomer can book without setting up people.
/// </summary>
public sealed class StandInDirectory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StandInUser> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, GroupMembership>> _groups = new(StringComparer.OrdinalIgnoreCase);
    private long _sequence;

    internal StandInDirectory()
    {
    }

    /// <summary>Adds or replaces a user.</summary>
    public StandInUser AddUser(StandInUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(user.Id);
        lock (_gate)
        {
            _users[user.Id] = user with { Mail = user.Mail ?? user.UserPrincipalName };
            return _users[user.Id];
        }
    }

    /// <summary>The user with this id or userPrincipalName, or null.</summary>
    public StandInUser? FindUser(string idOrPrincipalName)
    {
        lock (_gate)
        {
            return FindLocked(idOrPrincipalName);
        }
    }

    /// <summary>The user, created with defaults when unknown (the dev API books for anyone).</summary>
    public StandInUser EnsureUser(string idOrPrincipalName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idOrPrincipalName);
        lock (_gate)
        {
            if (FindLocked(idOrPrincipalName) is { } known)
            {
                return known;
            }

            var principalName = idOrPrincipalName.Contains('@', StringComparison.Ordinal)
                ? idOrPrincipalName
                : idOrPrincipalName + "@standin.example";
            var user = new StandInUser(idOrPrincipalName, idOrPrincipalName, principalName, principalName);
            _users[user.Id] = user;
            return user;
        }
    }

    public IReadOnlyList<StandInUser> Users()
    {
        lock (_gate)
        {
            return [.. _users.Values];
        }
    }

    public void AddGroupMembers(string groupId, IEnumerable<string> userIds)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);
        ArgumentNullException.ThrowIfNull(userIds);
        var users = userIds.Select(EnsureUser).ToList();
        lock (_gate)
        {
            var group = Group(groupId);
            foreach (var user in users)
            {
                if (!group.TryGetValue(user.Id, out var current) || current.Removed)
                {
                    group[user.Id] = new GroupMembership(user.Id, ++_sequence, Removed: false);
                }
            }
        }
    }

    /// <summary>Removes a member; false when the user was not a member.</summary>
    public bool RemoveGroupMember(string groupId, string userId)
    {
        lock (_gate)
        {
            var group = Group(groupId);
            var id = FindLocked(userId)?.Id ?? userId;
            if (!group.TryGetValue(id, out var current) || current.Removed)
            {
                return false;
            }

            group[id] = new GroupMembership(id, ++_sequence, Removed: true);
            return true;
        }
    }

    public bool GroupExists(string groupId)
    {
        lock (_gate)
        {
            return _groups.ContainsKey(groupId);
        }
    }

    /// <summary>The group's current members, in the order they joined.</summary>
    internal IReadOnlyList<StandInUser> Members(string groupId)
    {
        lock (_gate)
        {
            if (!_groups.TryGetValue(groupId, out var group))
            {
                return [];
            }

            return [.. group.Values
                .Where(m => !m.Removed)
                .OrderBy(m => m.Sequence)
                .Select(m => _users.TryGetValue(m.UserId, out var u) ? u : new StandInUser(m.UserId, m.UserId, m.UserId))];
        }
    }

    /// <summary>
    /// For each named group that exists (every group when <paramref name="groupIds"/> is null), its memberships
    /// changed after <paramref name="since"/> (0 = its current members), read under one lock with the sequence now,
    /// so a delta link taken from that sequence misses nothing and repeats nothing.
    /// </summary>
    internal (IReadOnlyList<(string GroupId, IReadOnlyList<GroupMembership> Changes)> Groups, long Sequence) GroupChangesSince(
        IReadOnlyCollection<string>? groupIds, long since)
    {
        lock (_gate)
        {
            var groups = (groupIds ?? _groups.Keys)
                .Where(_groups.ContainsKey)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(id => (id, (IReadOnlyList<GroupMembership>)[.. _groups[id].Values
                    .Where(m => m.Sequence > since && (since > 0 || !m.Removed))
                    .OrderBy(m => m.Sequence)]))
                .ToList();
            return (groups, _sequence);
        }
    }

    private StandInUser? FindLocked(string idOrPrincipalName) =>
        _users.TryGetValue(idOrPrincipalName, out var byId)
            ? byId
            : _users.Values.FirstOrDefault(u => u.UserPrincipalName.Equals(idOrPrincipalName, StringComparison.OrdinalIgnoreCase));

    private Dictionary<string, GroupMembership> Group(string groupId)
    {
        if (!_groups.TryGetValue(groupId, out var group))
        {
            group = new Dictionary<string, GroupMembership>(StringComparer.OrdinalIgnoreCase);
            _groups[groupId] = group;
        }

        return group;
    }
}
