using NodaTime;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.CalendarSync.Membership;

/// <summary>
/// Where the reading of one Entra ID group left off: its members as last read, Graph's delta link to continue from,
/// and when it was last read in full (the daily safety net counts from there).
/// </summary>
public sealed record GroupMembershipState(string GroupId, string DeltaLink, IReadOnlyList<GroupMember> Members, Instant FullReadAt, Instant SyncedAt);
