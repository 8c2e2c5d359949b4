using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PresenceBot.GraphStandIn.Hosting;

namespace PresenceBot.GraphStandIn.Calendars;

/// <summary>
/// Graph's calendar writes: <c>POST /users/{id}/events</c> (201), <c>PATCH …/events/{eventId}</c> (200) and
/// <c>DELETE …/events/{eventId}</c> (204), the event JSON <see cref="EventDraft"/> reads. Events written here are
/// ordinary events: calendarView and delta show them and subscribers are notified, as for the dev API's bookings.
/// The organiser is the calendar's owner, as when an application writes into someone's calendar. A PATCH or DELETE
/// with <c>If-Match</c> (the change key, as Graph's etag <c>W/"…"</c>) on an event changed since answers 412; a POST
/// with a <c>transactionId</c> that made a live event before answers that event.
/// </summary>
internal static class EventWritesEndpoints
{
    public static RouteGroupBuilder MapEventWrites(this RouteGroupBuilder graph)
    {
        graph.MapPost("/users/{userId}/events", CreateAsync);
        graph.MapPatch("/users/{userId}/events/{eventId}", UpdateAsync);
        graph.MapDelete("/users/{userId}/events/{eventId}", DeleteAsync);
        return graph;
    }

    internal static async Task<IResult> CreateAsync(string userId, HttpRequest request, StandInState state, CancellationToken ct)
    {
        if (state.User(userId) is not { } user)
        {
            return EventsEndpoints.UnknownUser(userId);
        }

        var (draft, error) = await RequestBody.ReadAsync<EventDraft>(request, ct).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        try
        {
            var created = await state.Calendars.CreateEventAsync(user.Id, draft!, ct).ConfigureAwait(false);
            return EventsEndpoints.Entity(Render(created, request), userId, state, statusCode: 201);
        }
        catch (ArgumentException ex)
        {
            return GraphErrors.BadRequest(ex.Message);
        }
    }

    internal static async Task<IResult> UpdateAsync(string userId, string eventId, HttpRequest request, StandInState state, CancellationToken ct)
    {
        if (state.User(userId) is not { } user)
        {
            return EventsEndpoints.UnknownUser(userId);
        }

        var (changes, error) = await RequestBody.ReadAsync<EventDraft>(request, ct).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        try
        {
            return await state.Calendars.UpdateEventAsync(user.Id, eventId, changes!, IfMatch(request), ct).ConfigureAwait(false) is { } updated
                ? EventsEndpoints.Entity(Render(updated, request), userId, state)
                : GraphErrors.ItemNotFound();
        }
        catch (ChangeKeyMismatchException)
        {
            return GraphErrors.ChangeKeyMismatch();
        }
        catch (ArgumentException ex)
        {
            return GraphErrors.BadRequest(ex.Message);
        }
    }

    internal static async Task<IResult> DeleteAsync(string userId, string eventId, HttpRequest request, StandInState state, CancellationToken ct)
    {
        if (state.User(userId) is not { } user)
        {
            return EventsEndpoints.UnknownUser(userId);
        }

        try
        {
            return await state.Calendars.DeleteEventAsync(user.Id, eventId, IfMatch(request), ct).ConfigureAwait(false)
                ? Results.NoContent()
                : GraphErrors.ItemNotFound();
        }
        catch (ChangeKeyMismatchException)
        {
            return GraphErrors.ChangeKeyMismatch();
        }
    }

    private static string? IfMatch(HttpRequest request) => request.Headers.IfMatch.Count > 0 ? request.Headers.IfMatch.ToString() : null;

    /// <summary>As Graph answers a write: the event without its extended properties (a client expands them on a read).</summary>
    private static System.Text.Json.Nodes.JsonObject Render(StandInEvent e, HttpRequest request) =>
        EventJson.Render(RecurrenceExpander.Single(e)!, Prefer.Zone(request) ?? OutputZone.Utc);
}
