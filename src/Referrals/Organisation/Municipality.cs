namespace PresenceBot.Referrals.Organisation;

/// <summary>A municipality behind the shared switchboard; its name is spoken in the talsvar.</summary>
public sealed record Municipality(string Id, string Name);
