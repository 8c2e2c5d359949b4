namespace PresenceBot.Switchboard;

internal static class AdminEndpoints
{
    /// <summary>A group of admin endpoints: an API key (<see cref="ApiKeyFilter"/>) that is also an admin key (<see cref="AdminKeyFilter"/>).</summary>
    public static RouteGroupBuilder MapAdminGroup(this WebApplication app, string prefix) =>
        app.MapGroup(prefix).AddEndpointFilter<ApiKeyFilter>().AddEndpointFilter<AdminKeyFilter>();
}
