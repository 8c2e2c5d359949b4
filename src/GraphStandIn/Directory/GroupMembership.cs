namespace PresenceBot.GraphStandIn.Directory;

/// <summary>A user's place in a group: the change sequence, and whether that change removed them.</summary>
internal sealed record GroupMembership(string UserId, long Sequence, bool Removed);
