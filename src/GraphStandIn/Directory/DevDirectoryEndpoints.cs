using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PresenceBot.GraphStandIn.Hosting;

namespace PresenceBot.GraphStandIn.Directory;

/// <summary>The dev API for people and groups: what an administrator would do in Entra ID.</summary>
internal static class DevDirectoryEndpoints
{
    public static RouteGroupBuilder MapDevDirectory(this RouteGroupBuilder dev)
    {
        dev.MapPost("/users", AddUserAsync);
        dev.MapPost("/groups/{groupId}/members", AddMembersAsync);
        dev.MapDelete("/groups/{groupId}/members/{userId}", RemoveMember);
        return dev;
    }

    internal static async Task<IResult> AddUserAsync(HttpRequest request, StandInState state, CancellationToken ct)
    {
        var (body, error) = await RequestBody.ReadAsync<NewUser>(request, ct).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(body!.Id))
        {
            return GraphErrors.BadRequest("id is required.");
        }

        var principalName = body.UserPrincipalName ?? (body.Id.Contains('@', StringComparison.Ordinal) ? body.Id : body.Id + "@standin.example");
        var user = state.Directory.AddUser(new StandInUser(body.Id, body.DisplayName ?? body.Id, principalName, body.Mail));
        return Results.Json(user, GraphJson.Options, statusCode: 201);
    }

    internal static async Task<IResult> AddMembersAsync(string groupId, HttpRequest request, StandInState state, CancellationToken ct)
    {
        var (body, error) = await RequestBody.ReadAsync<NewMembers>(request, ct).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        state.Directory.AddGroupMembers(groupId, body!.UserIds ?? []);
        return Results.NoContent();
    }

    internal static IResult RemoveMember(string groupId, string userId, StandInState state) =>
        state.Directory.RemoveGroupMember(groupId, userId) ? Results.NoContent() : GraphErrors.ResourceNotFound(userId);

    internal sealed record NewUser(string? Id, string? DisplayName, string? UserPrincipalName, string? Mail);

    internal sealed record NewMembers(IReadOnlyList<string>? UserIds);
}
