using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PresenceBot.GraphStandIn.Hosting;
using PresenceBot.GraphStandIn.Paging;

namespace PresenceBot.GraphStandIn.Directory;

/// <summary>
/// Graph's directory reads the product needs: a user, a group's members, and the members' delta (joiners as
/// users, leavers as <c>@removed</c>). The SDK has no builder for <c>/groups/{id}/members/delta</c>; a consumer
/// calls it with a raw URL (or follows the links it returns).
/// </summary>
internal static class DirectoryEndpoints
{
    private const int MembersPageSize = 100;

    public static RouteGroupBuilder MapDirectory(this RouteGroupBuilder graph)
    {
        graph.MapGet("/users/{userId}", GetUser);
        graph.MapGet("/groups/{groupId}/members", Members);
        graph.MapGet("/groups/{groupId}/members/delta", MembersDelta);
        graph.MapGet("/groups/{groupId}/members/delta()", MembersDelta);
        return graph;
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

        var (changes, _) = state.Directory.MembersChangedSince(groupId, 0);
        var items = changes.Select(c => (JsonNode)UserJson(c.User, withType: true)).ToList();
        var escaped = Uri.EscapeDataString(groupId);
        var query = new PagedQuery(items, 0, Prefer.PageSize(request, MembersPageSize), "$metadata#directoryObjects", $"groups/{escaped}/members", null);
        return Results.Json(state.Pages.Render(query, state.BaseUrl), GraphJson.Options);
    }

    internal static IResult MembersDelta(string groupId, HttpRequest request, StandInState state)
    {
        if (state.Pages.FindPage(request.Query["$skiptoken"].ToString()) is { } next)
        {
            return Results.Json(state.Pages.Render(next, state.BaseUrl), GraphJson.Options);
        }

        long since = 0;
        var deltaToken = request.Query["$deltatoken"].ToString();
        if (deltaToken.Length > 0)
        {
            if (state.Pages.FindDelta(deltaToken) is not { } previous || !previous.Key.Equals("group:" + groupId, StringComparison.OrdinalIgnoreCase))
            {
                return GraphErrors.Create(410, "SyncStateNotFound", "The sync state generation is not found. Restart the synchronization without a token.");
            }

            since = previous.Sequence;
        }
        else if (!state.Directory.GroupExists(groupId))
        {
            return GraphErrors.ResourceNotFound(groupId);
        }

        var (changes, sequence) = state.Directory.MembersChangedSince(groupId, since);
        var items = changes.Select(c => c.Removed ? Removed(c.User.Id) : UserJson(c.User, withType: true)).Cast<JsonNode>().ToList();
        var escaped = Uri.EscapeDataString(groupId);
        var token = state.Pages.SaveDelta(new DeltaState("group:" + groupId, default, default, sequence, new HashSet<string>()));
        var deltaLink = PageStore.WithToken(new Uri(state.BaseUrl, $"groups/{escaped}/members/delta").ToString(), "$deltatoken", token);
        var query = new PagedQuery(items, 0, Prefer.PageSize(request, MembersPageSize), "$metadata#directoryObjects", $"groups/{escaped}/members/delta", deltaLink);
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

    private static JsonObject Removed(string id) => new()
    {
        ["@odata.type"] = "#microsoft.graph.user",
        ["id"] = id,
        ["@removed"] = new JsonObject { ["reason"] = "deleted" },
    };
}
