using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PresenceBot.GraphStandIn.Calendars;
using PresenceBot.GraphStandIn.Hosting;

namespace PresenceBot.GraphStandIn.Presence;

/// <summary>Graph's presence: <c>GET /users/{id}/presence</c> and <c>POST /users/{id}/presence/setStatusMessage</c> (200, no body).</summary>
internal static class PresenceEndpoints
{
    public static RouteGroupBuilder MapPresence(this RouteGroupBuilder graph)
    {
        graph.MapGet("/users/{userId}/presence", Get);
        graph.MapPost("/users/{userId}/presence/setStatusMessage", SetStatusMessageAsync);
        return graph;
    }

    internal static IResult Get(string userId, StandInState state) =>
        state.User(userId) is { } user
            ? Results.Json(PresenceJson.Render(user.Id, state.Presence.Current(user.Id), state.BaseUrl), GraphJson.Options)
            : EventsEndpoints.UnknownUser(userId);

    internal static async Task<IResult> SetStatusMessageAsync(string userId, HttpRequest request, StandInState state, CancellationToken ct)
    {
        if (state.User(userId) is not { } user)
        {
            return EventsEndpoints.UnknownUser(userId);
        }

        return await SetAsync(user.Id, request, state, StatusMessageAuthor.Application, Results.Ok(), ct).ConfigureAwait(false);
    }

    /// <summary>Reads <c>{"statusMessage":{…}}</c> and sets it; <paramref name="success"/> on success, Graph's 400 otherwise.</summary>
    internal static async Task<IResult> SetAsync(
        string userId, HttpRequest request, StandInState state, StatusMessageAuthor setBy, IResult success, CancellationToken ct)
    {
        var (body, error) = await RequestBody.ReadAsync<SetStatusMessageRequest>(request, ct).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (body!.StatusMessage is not { } draft)
        {
            return GraphErrors.BadRequest("statusMessage is required: {\"statusMessage\":{\"message\":{\"content\":\"…\",\"contentType\":\"text\"}}}.");
        }

        try
        {
            state.Presence.SetStatusMessage(userId, draft, setBy);
            return success;
        }
        catch (ArgumentException ex)
        {
            return GraphErrors.BadRequest(ex.Message);
        }
    }
}
