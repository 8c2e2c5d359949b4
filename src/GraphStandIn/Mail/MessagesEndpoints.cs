using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PresenceBot.GraphStandIn.Calendars;
using PresenceBot.GraphStandIn.Hosting;
using PresenceBot.GraphStandIn.Paging;

namespace PresenceBot.GraphStandIn.Mail;

/// <summary>
/// Graph's inbox listing, <c>GET /users/{id}/mailFolders/inbox/messages</c> (the folder by its well-known name or its
/// id), newest first, paged with <c>@odata.nextLink</c>. Only the inbox exists here.
/// </summary>
internal static class MessagesEndpoints
{
    public static RouteGroupBuilder MapMessages(this RouteGroupBuilder graph)
    {
        graph.MapGet("/users/{userId}/mailFolders/{folderId}/messages", List);
        return graph;
    }

    internal static IResult List(string userId, string folderId, HttpRequest request, StandInState state)
    {
        if (PagedResults.NextPage(request, state) is { } page)
        {
            return page;
        }

        if (state.User(userId) is not { } user)
        {
            return EventsEndpoints.UnknownUser(userId);
        }

        if (!folderId.Equals("inbox", StringComparison.OrdinalIgnoreCase) && folderId != MessageJson.InboxId(user.Id))
        {
            return GraphErrors.Create(400, "BadRequest", $"The Graph stand-in serves only the inbox folder, not '{folderId}'.");
        }

        MessageQuery query;
        try
        {
            query = MessageQuery.Parse(request.Query);
        }
        catch (QueryException ex)
        {
            return GraphErrors.Create(400, ex.Code, ex.Message);
        }

        var items = state.Mailboxes.Messages(user.Id).Where(query.Filter).Select(m => (JsonNode)MessageJson.Render(m, query)).ToList();
        var escaped = Uri.EscapeDataString(userId);
        var paged = new PagedQuery(
            items, 0, Prefer.PageSize(request, PageStore.DefaultPageSize), $"$metadata#users('{escaped}')/mailFolders('inbox')/messages",
            $"users/{escaped}/mailFolders/inbox/messages", null);
        return Results.Json(state.Pages.Render(paged, state.BaseUrl), GraphJson.Options);
    }
}
