namespace PresenceBot.GraphStandIn.Directory;

/// <summary>A user as Graph's <c>/users/{id}</c> returns it (the fields the product reads).</summary>
public sealed record StandInUser(string Id, string DisplayName, string UserPrincipalName, string? Mail = null);
