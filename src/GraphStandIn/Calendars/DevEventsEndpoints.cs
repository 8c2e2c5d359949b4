using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PresenceBot.GraphStandIn.Hosting;

namespace PresenceBot.GraphStandIn.Calendars;

/// <summary>The dev API for bookings: what a person would do in Outlook. Answers in Graph's event shape.</summary>
internal static class DevEventsEndpoints
{
    public static RouteGroupBuilder MapDevEvents(this RouteGroupBuilder dev)
    {
        dev.MapPost("/users/{userId}/events", CreateAsync);
        dev.MapPatch("/users/{userId}/events/{eventId}", UpdateAsync);
        dev.MapDelete("/users/{userId}/events/{eventId}", DeleteAsync);
        dev.MapGet("/users/{userId}/events", List);
        dev.MapPost("/delta/expire", ExpireDeltaTokens);
        return dev;
    }

    internal static async Task<IResult> CreateAsync(string userId, HttpRequest request, StandInState state, CancellationToken ct)
    {
        var (draft, error) = await RequestBody.ReadAsync<EventDraft>(request, ct).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        try
        {
            var created = await state.Calendars.CreateEventAsync(userId, draft!, ct).ConfigureAwait(false);
            return Results.Json(Render(created, request), GraphJson.Options, statusCode: 201);
        }
        catch (ArgumentException ex)
        {
            return GraphErrors.BadRequest(ex.Message);
        }
    }

    internal static async Task<IResult> UpdateAsync(string userId, string eventId, HttpRequest request, StandInState state, CancellationToken ct)
    {
        var (changes, error) = await RequestBody.ReadAsync<EventDraft>(request, ct).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        try
        {
            var updated = await state.Calendars.UpdateEventAsync(userId, eventId, changes!, ct).ConfigureAwait(false);
            return updated is null ? GraphErrors.ItemNotFound() : Results.Json(Render(updated, request), GraphJson.Options);
        }
        catch (ArgumentException ex)
        {
            return GraphErrors.BadRequest(ex.Message);
        }
    }

    internal static async Task<IResult> DeleteAsync(string userId, string eventId, StandInState state, CancellationToken ct) =>
        await state.Calendars.DeleteEventAsync(userId, eventId, ct).ConfigureAwait(false)
            ? Results.NoContent()
            : GraphErrors.ItemNotFound();

    internal static IResult List(string userId, HttpRequest request, StandInState state) =>
        Results.Json(
            new { value = state.Calendars.Events(userId).Select(e => Render(e, request)).ToList() },
            GraphJson.Options);

    internal static IResult ExpireDeltaTokens(StandInState state)
    {
        state.Pages.ExpireDeltaTokens();
        return Results.NoContent();
    }

    /// <summary>Every property, extended properties included: the dev API shows what is really stored.</summary>
    private static System.Text.Json.Nodes.JsonObject Render(StandInEvent e, HttpRequest request) =>
        EventJson.Render(RecurrenceExpander.Single(e)!, Prefer.Zone(request) ?? OutputZone.Utc, _ => true);
}
