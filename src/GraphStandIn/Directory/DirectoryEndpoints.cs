using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PresenceBot.GraphStandIn.Hosting;
using PresenceBot.GraphStandIn.Paging;

namespace PresenceBot.GraphStandIn.Directory;

/// <summary>
/// Graph's directory reads the product needs: a user and a group's members. Changes to memberships come from
/// <see cref="GroupsDeltaEndpoints"/> (<c>/groups/delta</c>), as in Graph, which has no delta on a group's members.
/// </summary>
internal static class DirectoryEndpoints
{
    private const int MembersPageSize = 100;

    public static RouteGroupBuilder MapDirectory(this RouteGroupBuilder graph)
    {
        graph.MapGet("/users/{userId}", GetUser);
        graph.MapGet("/groups/{groupId}/members", Members);
        return graph.MapGroupsDelta();
    }

    internal static IResult GetUser(string userId, StandInState state)
    {
        if (state.User(userId) is not { } user)
        {
            return GraphErrors.ResourceNotFound(userId);
        }

        var json = UserJson(user, withType: false);
        json.Insert(0, "@odata.context", new Uri(state.BaseUrl, "$metadata#users/$entity").ToString());
        return Results.Json(json, GraphJson.Options);
    }

    internal static IResult Members(string groupId, HttpRequest request, StandInState state)
    {
        if (state.Pages.FindPage(request.Query["$skiptoken"].ToString()) is { } next)
        {
            return Results.Json(state.Pages.Render(next, state.BaseUrl), GraphJson.Options);
        }

        if (!state.Directory.GroupExists(groupId))
        {
            return GraphErrors.ResourceNotFound(groupId);
        }

        var items = state.Directory.Members(groupId).Select(u => (JsonNode)UserJson(u, withType: true)).ToList();
        var escaped = Uri.EscapeDataString(groupId);
        var query = new PagedQuery(items, 0, Prefer.PageSize(request, MembersPageSize), "$metadata#directoryObjects", $"groups/{escaped}/members", null);
        return Results.Json(state.Pages.Render(query, state.BaseUrl), GraphJson.Options);
    }

    private static JsonObject UserJson(StandInUser user, bool withType)
    {
        var json = new JsonObject
        {
            ["id"] = user.Id,
            ["displayName"] = user.DisplayName,
            ["userPrincipalName"] = user.UserPrincipalName,
            ["mail"] = user.Mail,
        };
        if (withType)
        {
            json.Insert(0, "@odata.type", "#microsoft.graph.user");
        }

        return json;
    }
}
