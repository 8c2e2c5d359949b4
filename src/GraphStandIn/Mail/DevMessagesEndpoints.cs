using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PresenceBot.GraphStandIn.Hosting;

namespace PresenceBot.GraphStandIn.Mail;

/// <summary>The dev API for inboxes: mail arrives (a Teams voicemail is mail of its own class), is read, is deleted.</summary>
internal static class DevMessagesEndpoints
{
    public static RouteGroupBuilder MapDevMessages(this RouteGroupBuilder dev)
    {
        dev.MapPost("/users/{userId}/messages", DeliverAsync);
        dev.MapPatch("/users/{userId}/messages/{messageId}", PatchAsync);
        dev.MapDelete("/users/{userId}/messages/{messageId}", Delete);
        dev.MapGet("/users/{userId}/messages", List);
        return dev;
    }

    internal static async Task<IResult> DeliverAsync(string userId, HttpRequest request, StandInState state, CancellationToken ct)
    {
        var (draft, error) = await RequestBody.ReadAsync<MessageDraft>(request, ct).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        try
        {
            return Results.Json(Rendered(state.Mailboxes.Deliver(userId, draft!)), GraphJson.Options, statusCode: 201);
        }
        catch (ArgumentException ex)
        {
            return GraphErrors.BadRequest(ex.Message);
        }
    }

    internal static async Task<IResult> PatchAsync(string userId, string messageId, HttpRequest request, StandInState state, CancellationToken ct)
    {
        var (patch, error) = await RequestBody.ReadAsync<MessagePatch>(request, ct).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (patch!.IsRead is not { } isRead)
        {
            return GraphErrors.BadRequest("Only isRead can be changed: {\"isRead\":true}.");
        }

        return state.Mailboxes.MarkRead(userId, messageId, isRead) is { } changed
            ? Results.Json(Rendered(changed), GraphJson.Options)
            : GraphErrors.ItemNotFound();
    }

    internal static IResult Delete(string userId, string messageId, StandInState state) =>
        state.Mailboxes.Delete(userId, messageId) ? Results.NoContent() : GraphErrors.ItemNotFound();

    internal static IResult List(string userId, StandInState state) =>
        Results.Json(new { value = state.Mailboxes.Messages(userId).Select(Rendered).ToList() }, GraphJson.Options);

    /// <summary>Everything, extended properties included: the dev API shows what the test or newcomer set up.</summary>
    private static System.Text.Json.Nodes.JsonObject Rendered(StandInMessage message) =>
        MessageJson.Render(message, MessageQuery.Everything);
}
