using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PresenceBot.GraphStandIn.Hosting;
using PresenceBot.GraphStandIn.Paging;

namespace PresenceBot.GraphStandIn.Directory;

/// <summary>
/// Graph's <c>GET /groups/delta</c> as used to keep group memberships current: <c>$filter=id eq '…'</c> (joined
/// with <c>or</c>, at most 50) and <c>$select=members</c>. Each group is an object with its <c>id</c> and a
/// <c>members@delta</c> array of <c>{@odata.type, id}</c> (the only member property Graph returns); leavers carry
/// <c>@removed: {reason: "deleted"}</c>. The first round returns every current member, a large group split over
/// several objects and pages as Graph does; a deltaLink round returns only the groups whose members changed. An
/// unknown or expired token answers 410 <c>syncStateNotFound</c>: the client must start again with a full read.
/// </summary>
internal static class GroupsDeltaEndpoints
{
    private const int DefaultPageSize = 100;
    private const int MaxFilteredGroups = 50;

    /// <summary>Marks a delta state as a groups one; <see cref="DeltaState.KnownIds"/> holds the filtered ids (none = every group).</summary>
    private const string DeltaKey = "groups";
    private const string DeltaKeyWithMembers = "groups+members";

    public static RouteGroupBuilder MapGroupsDelta(this RouteGroupBuilder graph)
    {
        // The SDK calls the function as delta(); Graph's documentation writes delta.
        graph.MapGet("/groups/delta", Delta);
        graph.MapGet("/groups/delta()", Delta);
        return graph;
    }

    internal static IResult Delta(HttpRequest request, StandInState state)
    {
        var skipToken = request.Query["$skiptoken"].ToString();
        if (skipToken.Length > 0)
        {
            if (state.Pages.FindPage(skipToken) is not { } next)
            {
                return SyncStateNotFound(state);
            }

            state.Stats.GroupDelta("page");
            return Results.Json(state.Pages.Render(next, state.BaseUrl), GraphJson.Options);
        }

        var deltaToken = request.Query["$deltatoken"].ToString();
        IReadOnlySet<string> groupIds;
        bool withMembers;
        long since;
        if (deltaToken.Length > 0)
        {
            if (state.Pages.FindDelta(deltaToken) is not { Key: DeltaKey or DeltaKeyWithMembers } previous)
            {
                return SyncStateNotFound(state);
            }

            (groupIds, withMembers, since) = (previous.KnownIds, previous.Key == DeltaKeyWithMembers, previous.Sequence);
            state.Stats.GroupDelta("changes");
        }
        else
        {
            if (!GroupFilter.TryParse(request.Query["$filter"].ToString(), out var filtered))
            {
                return GraphErrors.Create(400, "Request_UnsupportedQuery", "Only $filter=id eq '{id}' (joined with 'or') is supported on groups/delta.");
            }

            if (filtered.Count > MaxFilteredGroups)
            {
                return GraphErrors.Create(400, "Request_UnsupportedQuery", $"At most {MaxFilteredGroups} groups can be filtered by id.");
            }

            // Graph tracks members when $select names them, and by default when there is no $select.
            var select = request.Query["$select"].ToString();
            (groupIds, withMembers, since) = (filtered, select.Length == 0 || Selects(select, "members"), 0);
            state.Stats.GroupDelta("full");
        }

        var (groups, sequence) = state.Directory.GroupChangesSince(groupIds.Count == 0 ? null : groupIds, since);
        var pageSize = Prefer.PageSize(request, DefaultPageSize);
        var items = groups
            .Where(g => since == 0 || (withMembers && g.Changes.Count > 0))
            .SelectMany(g => GroupObjects(g.GroupId, withMembers ? g.Changes : [], pageSize))
            .ToList();
        var token = state.Pages.SaveDelta(new DeltaState(withMembers ? DeltaKeyWithMembers : DeltaKey, default, default, sequence, groupIds));
        var deltaLink = PageStore.WithToken(new Uri(state.BaseUrl, "groups/delta").ToString(), "$deltatoken", token);
        var query = new PagedQuery(items, 0, pageSize, "$metadata#groups", "groups/delta", deltaLink);
        return Results.Json(state.Pages.Render(query, state.BaseUrl), GraphJson.Options);
    }

    /// <summary>The group once per <paramref name="pageSize"/> members (once, without members@delta, when it has none).</summary>
    private static IEnumerable<JsonNode> GroupObjects(string groupId, IReadOnlyList<GroupMembership> members, int pageSize)
    {
        if (members.Count == 0)
        {
            yield return new JsonObject { ["id"] = groupId };
            yield break;
        }

        foreach (var chunk in members.Chunk(pageSize))
        {
            yield return new JsonObject
            {
                ["id"] = groupId,
                ["members@delta"] = new JsonArray([.. chunk.Select(Member)]),
            };
        }
    }

    private static JsonNode Member(GroupMembership membership)
    {
        var json = new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.user",
            ["id"] = membership.UserId,
        };
        if (membership.Removed)
        {
            json["@removed"] = new JsonObject { ["reason"] = "deleted" };
        }

        return json;
    }

    private static bool Selects(string select, string property) =>
        select.Split(',', StringSplitOptions.TrimEntries).Contains(property, StringComparer.OrdinalIgnoreCase);

    private static IResult SyncStateNotFound(StandInState state)
    {
        state.Stats.GroupDelta("resync");
        return GraphErrors.Create(410, "syncStateNotFound", "The sync state generation is not found. The delta token is expired and data must be synchronized again.");
    }
}
