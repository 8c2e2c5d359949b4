using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PresenceBot.GraphStandIn.Hosting;

/// <summary>Reads a JSON body with Graph's conventions; malformed JSON is the caller's 400, not a 500.</summary>
internal static class RequestBody
{
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, GraphJson.Options, ct).ConfigureAwait(false);
            return value is null ? (null, GraphErrors.BadRequest("A JSON body is required.")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, GraphErrors.BadRequest("Malformed JSON: " + ex.Message));
        }
    }
}
