using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PresenceBot.GraphStandIn.Hosting;

namespace PresenceBot.GraphStandIn.Batching;

/// <summary>
/// Graph's JSON batching: up to 20 requests, each dispatched to this same server over loopback so it meets the
/// same routing, faults (a 429 inside a batch) and counters as a direct call.
/// </summary>
internal static class BatchEndpoint
{
    public const int MaxRequests = 20;

    public static RouteGroupBuilder MapBatch(this RouteGroupBuilder graph)
    {
        graph.MapPost("/$batch", BatchAsync);
        return graph;
    }

    internal static async Task<IResult> BatchAsync(HttpRequest request, StandInState state, CancellationToken ct)
    {
        var (batch, error) = await RequestBody.ReadAsync<BatchRequest>(request, ct).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var requests = batch!.Requests ?? [];
        if (requests.Count == 0 || requests.Count > MaxRequests)
        {
            return GraphErrors.BadRequest($"Invalid batch payload format: a batch holds 1 to {MaxRequests} requests.");
        }

        var responses = await Task.WhenAll(requests.Select(r => DispatchAsync(r, state, ct))).ConfigureAwait(false);
        return Results.Json(new JsonObject { ["responses"] = new JsonArray([.. responses]) }, GraphJson.Options);
    }

    private static async Task<JsonNode> DispatchAsync(BatchRequestItem item, StandInState state, CancellationToken ct)
    {
        // Not Uri.TryCreate(…, Absolute): on Unix "/users/x" parses as an absolute file path.
        if (string.IsNullOrWhiteSpace(item.Url) || string.IsNullOrWhiteSpace(item.Method) || item.Url.Contains("://", StringComparison.Ordinal))
        {
            return Response(item.Id, 400, [], GraphErrors.Body("BadRequest", "Each request needs a method and a relative url."));
        }

        using var message = new HttpRequestMessage(new HttpMethod(item.Method.ToUpperInvariant()), new Uri(state.BaseUrl, item.Url.TrimStart('/')));
        var contentType = "application/json";
        foreach (var (name, value) in item.Headers ?? new Dictionary<string, string>())
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = value;
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (item.Body is { } body && body.ValueKind != JsonValueKind.Undefined && body.ValueKind != JsonValueKind.Null)
        {
            message.Content = new StringContent(body.GetRawText(), Encoding.UTF8);
            message.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await state.Http.SendAsync(message, ct).ConfigureAwait(false);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            headers[header.Key] = string.Join(", ", header.Value);
        }

        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        JsonNode? parsed = text.Length == 0 ? null : JsonNode.Parse(text);
        return Response(item.Id, (int)response.StatusCode, headers, parsed);
    }

    private static JsonObject Response(string? id, int status, Dictionary<string, string> headers, JsonNode? body)
    {
        var json = new JsonObject
        {
            ["id"] = id,
            ["status"] = status,
            ["headers"] = new JsonObject([.. headers
                .Where(h => h.Key is "Content-Type" or "Retry-After" or "Location" or "ETag")
                .Select(h => KeyValuePair.Create(h.Key, (JsonNode?)JsonValue.Create(h.Value)))]),
        };
        if (body is not null)
        {
            json["body"] = body;
        }

        return json;
    }
}
