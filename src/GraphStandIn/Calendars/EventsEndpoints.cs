using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using PresenceBot.GraphStandIn.Directory;
using PresenceBot.GraphStandIn.Hosting;
using PresenceBot.GraphStandIn.Mail;
using PresenceBot.GraphStandIn.Paging;

namespace PresenceBot.GraphStandIn.Calendars;

/// <summary>
/// Graph's calendar reads: one event, calendarView and calendarView/delta. The SDK calls the delta function as
/// <c>delta()</c>, so both spellings are mapped.
/// </summary>
internal static class EventsEndpoints
{
    public static RouteGroupBuilder MapEvents(this RouteGroupBuilder graph)
    {
        graph.MapGet("/users/{userId}/events/{eventId}", GetEvent);
        graph.MapGet("/users/{userId}/calendarView", CalendarView);
        graph.MapGet("/users/{userId}/calendarView/delta", CalendarViewDelta);
        graph.MapGet("/users/{userId}/calendarView/delta()", CalendarViewDelta);
        return graph;
    }

    internal static IResult GetEvent(string userId, string eventId, HttpRequest request, StandInState state)
    {
        if (state.User(userId) is not { } user)
        {
            return UnknownUser(userId);
        }

        if (Find(state.Store, user.Id, eventId) is not { } instance)
        {
            return GraphErrors.ItemNotFound();
        }

        try
        {
            var json = EventQuery.Parse(request.Query, withFilter: false).Render(instance, Prefer.Zone(request) ?? OutputZone.Utc);
            return Entity(json, userId, state);
        }
        catch (QueryException ex)
        {
            return GraphErrors.Create(400, ex.Code, ex.Message);
        }
    }

    /// <summary>One event as Graph answers it, with its <c>@odata.context</c> first.</summary>
    internal static IResult Entity(JsonObject json, string userId, StandInState state, int statusCode = 200)
    {
        json.Insert(0, "@odata.context", new Uri(state.BaseUrl, $"$metadata#users('{Uri.EscapeDataString(userId)}')/events/$entity").ToString());
        return Results.Json(json, GraphJson.Options, statusCode: statusCode);
    }

    internal static IResult CalendarView(string userId, HttpRequest request, StandInState state)
    {
        if (PagedResults.NextPage(request, state) is { } page)
        {
            return page;
        }

        if (Window(request) is not var (windowStart, windowEnd))
        {
            return MissingWindow();
        }

        if (state.User(userId) is not { } user)
        {
            return UnknownUser(userId);
        }

        var zone = Prefer.Zone(request) ?? OutputZone.Utc;
        var (entries, _) = state.Store.Live(user.Id);
        List<JsonNode> items;
        try
        {
            var options = EventQuery.Parse(request.Query, withFilter: false);
            items = [.. Instances(entries, windowStart, windowEnd).Select(i => (JsonNode)options.Render(i.Instance, zone))];
        }
        catch (QueryException ex)
        {
            return GraphErrors.Create(400, ex.Code, ex.Message);
        }

        var escaped = Uri.EscapeDataString(userId);
        var query = new PagedQuery(
            items, 0, Prefer.PageSize(request, PageStore.DefaultPageSize), $"$metadata#users('{escaped}')/calendarView", $"users/{escaped}/calendarView", null);
        return Results.Json(state.Pages.Render(query, state.BaseUrl), GraphJson.Options);
    }

    internal static IResult CalendarViewDelta(string userId, HttpRequest request, StandInState state)
    {
        if (PagedResults.NextPage(request, state) is { } page)
        {
            return page;
        }

        if (state.User(userId) is not { } user)
        {
            return UnknownUser(userId);
        }

        // As Graph: calendarView/delta can't expand extended properties; a client reads them per event instead.
        if (request.Query.ContainsKey("$expand"))
        {
            return GraphErrors.Create(400, "ErrorInvalidUrlQuery", "The following parameters are not supported with change tracking over the 'CalendarView' resource: '$expand'.");
        }

        DeltaState? previous = null;
        var deltaToken = request.Query["$deltatoken"].ToString();
        if (deltaToken.Length > 0)
        {
            previous = state.Pages.FindDelta(deltaToken);
            if (previous is null || !previous.Key.Equals(user.Id, StringComparison.OrdinalIgnoreCase))
            {
                return GraphErrors.Create(410, "SyncStateNotFound", "The sync state generation is not found. Restart the synchronization without a token.");
            }
        }

        Instant windowStart, windowEnd;
        if (previous is not null)
        {
            (windowStart, windowEnd) = (previous.WindowStart, previous.WindowEnd);
        }
        else if (Window(request) is var (start, end))
        {
            (windowStart, windowEnd) = (start, end);
        }
        else
        {
            return MissingWindow();
        }

        var zone = Prefer.Zone(request) ?? OutputZone.Utc;
        var (entries, sequence) = state.Store.Live(user.Id);
        var current = Instances(entries, windowStart, windowEnd);
        var items = current
            .Where(c => previous is null || c.Sequence > previous.Sequence || !previous.KnownIds.Contains(c.Instance.Id))
            .Select(c => (JsonNode)EventJson.Render(c.Instance, zone))
            .ToList();
        if (previous is not null)
        {
            var live = current.Select(c => c.Instance.Id).ToHashSet(StringComparer.Ordinal);
            items.AddRange(previous.KnownIds.Where(id => !live.Contains(id)).Order(StringComparer.Ordinal).Select(Removed));
        }

        var escaped = Uri.EscapeDataString(userId);
        var known = current.Select(c => c.Instance.Id).ToHashSet(StringComparer.Ordinal);
        var token = state.Pages.SaveDelta(new DeltaState(user.Id, windowStart, windowEnd, sequence, known));
        var deltaLink = PageStore.WithToken(new Uri(state.BaseUrl, $"users/{escaped}/calendarView/delta").ToString(), "$deltatoken", token);
        var query = new PagedQuery(
            items, 0, Prefer.PageSize(request, PageStore.DefaultPageSize), "$metadata#Collection(event)", $"users/{escaped}/calendarView/delta", deltaLink);
        return Results.Json(state.Pages.Render(query, state.BaseUrl), GraphJson.Options);
    }

    private static JsonNode Removed(string id) => new JsonObject
    {
        ["@odata.type"] = "#microsoft.graph.event",
        ["id"] = id,
        ["@removed"] = new JsonObject { ["reason"] = "deleted" },
    };

    private static List<(EventInstance Instance, long Sequence)> Instances(IEnumerable<CalendarEntry> entries, Instant start, Instant end) =>
        [.. entries
            .SelectMany(e => RecurrenceExpander.InWindow(e.Event, start, end).Select(i => (Instance: i, e.Sequence)))
            .OrderBy(x => x.Instance.StartInstant)
            .ThenBy(x => x.Instance.Id, StringComparer.Ordinal)];

    private static EventInstance? Find(CalendarStore store, string userId, string eventId)
    {
        if (store.Find(userId, eventId) is { } stored)
        {
            return RecurrenceExpander.Single(stored);
        }

        if (!RecurrenceExpander.TryParseOccurrenceId(eventId, out var masterId, out var date) || store.Find(userId, masterId) is not { } master)
        {
            return null;
        }

        // Look for the occurrence around its date: a window of three days covers any zone offset.
        var around = date.AtMidnight().InUtc().ToInstant();
        return RecurrenceExpander.InWindow(master, around - Duration.FromDays(1), around + Duration.FromDays(2))
            .FirstOrDefault(i => i.Id == eventId);
    }

    private static (Instant Start, Instant End)? Window(HttpRequest request)
    {
        var start = GraphZones.ParseQueryInstant(request.Query["startDateTime"]);
        var end = GraphZones.ParseQueryInstant(request.Query["endDateTime"]);
        return start is { } s && end is { } e ? (s, e) : null;
    }

    private static IResult MissingWindow() => GraphErrors.InvalidParameter(
        "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.");

    internal static IResult UnknownUser(string userId) =>
        GraphErrors.Create(404, "ErrorInvalidUser", $"The requested user '{userId}' is invalid.");
}
