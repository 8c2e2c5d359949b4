using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PresenceBot.GraphStandIn.Hosting;
using PresenceBot.GraphStandIn.Mail;
using PresenceBot.GraphStandIn.Paging;

namespace PresenceBot.GraphStandIn.Calendars;

/// <summary>Graph's events list, where a client that marks its events with an extended property finds them again.</summary>
internal static class EventListEndpoints
{
    public static RouteGroupBuilder MapEventList(this RouteGroupBuilder graph)
    {
        graph.MapGet("/users/{userId}/events", ListEvents);
        return graph;
    }

    /// <summary>
    /// <c>GET /users/{id}/events</c>: series masters and single events (not occurrences), oldest change first, paged;
    /// with <c>$filter=singleValueExtendedProperties/any(…)</c> a client finds the events it marked as its own.
    /// </summary>
    internal static IResult ListEvents(string userId, HttpRequest request, StandInState state)
    {
        if (PagedResults.NextPage(request, state) is { } page)
        {
            return page;
        }

        if (state.User(userId) is not { } user)
        {
            return EventsEndpoints.UnknownUser(userId);
        }

        List<JsonNode> items;
        try
        {
            var query = EventQuery.Parse(request.Query, withFilter: true);
            var zone = Prefer.Zone(request) ?? OutputZone.Utc;
            items = [.. state.Store.Live(user.Id).Entries
                .Select(e => e.Event)
                .Where(query.Filter)
                .Select(e => (JsonNode)query.Render(RecurrenceExpander.Single(e)!, zone))];
        }
        catch (QueryException ex)
        {
            return GraphErrors.Create(400, ex.Code, ex.Message);
        }

        var escaped = Uri.EscapeDataString(userId);
        var paged = new PagedQuery(
            items, 0, Prefer.PageSize(request, PageStore.DefaultPageSize), $"$metadata#users('{escaped}')/events", $"users/{escaped}/events", null);
        return Results.Json(state.Pages.Render(paged, state.BaseUrl), GraphJson.Options);
    }
}
