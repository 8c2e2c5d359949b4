using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PresenceBot.GraphStandIn.Hosting;

namespace PresenceBot.GraphStandIn.Presence;

/// <summary>
/// The dev API for status messages: the person writes their own in Teams, and every message ever set (who set it
/// included, which Graph doesn't say) for tests to scan.
/// </summary>
internal static class DevPresenceEndpoints
{
    public static RouteGroupBuilder MapDevPresence(this RouteGroupBuilder dev)
    {
        dev.MapPost("/users/{userId}/presence/statusMessage", SetByPersonAsync);
        dev.MapGet("/users/{userId}/presence/history", History);
        return dev;
    }

    /// <summary>The same body as Graph's setStatusMessage, as if the person typed it in Teams.</summary>
    internal static Task<IResult> SetByPersonAsync(string userId, HttpRequest request, StandInState state, CancellationToken ct) =>
        PresenceEndpoints.SetAsync(userId, request, state, StatusMessageAuthor.User, Results.NoContent(), ct);

    internal static IResult History(string userId, StandInState state) =>
        Results.Json(new { value = state.Presence.History(userId) }, GraphJson.Options);
}
