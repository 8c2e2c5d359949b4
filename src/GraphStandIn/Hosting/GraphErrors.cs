using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PresenceBot.GraphStandIn.Hosting;

/// <summary>Graph's error envelope: <c>{"error":{"code","message","innerError":{…}}}</c>.</summary>
internal static class GraphErrors
{
    public static IResult Create(int status, string code, string message) =>
        Results.Json(Body(code, message), GraphJson.Options, statusCode: status);

    public static JsonObject Body(string code, string message) => new()
    {
        ["error"] = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["innerError"] = new JsonObject { ["request-id"] = Guid.NewGuid().ToString() },
        },
    };

    public static IResult BadRequest(string message) => Create(400, "InvalidRequest", message);

    public static IResult InvalidParameter(string message) => Create(400, "ErrorInvalidParameter", message);

    public static IResult ItemNotFound() =>
        Create(404, "ErrorItemNotFound", "The specified object was not found in the store.");

    /// <summary>What Exchange answers a write whose <c>If-Match</c> names a change key the item no longer has.</summary>
    public static IResult ChangeKeyMismatch() =>
        Create(412, "ErrorIrresolvableConflict", "The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.");

    public static IResult ResourceNotFound(string what) =>
        Create(404, "ResourceNotFound", $"Resource '{what}' does not exist or one of its queried reference-property objects are not present.");
}
