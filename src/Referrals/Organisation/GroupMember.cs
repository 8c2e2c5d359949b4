namespace PresenceBot.Referrals.Organisation;

/// <summary>A member of a unit's Entra ID group, as the directory knows them.</summary>
public sealed record GroupMember(string Id, string Upn, string Name);
