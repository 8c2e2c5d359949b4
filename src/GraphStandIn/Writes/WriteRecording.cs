using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PresenceBot.GraphStandIn.Hosting;

namespace PresenceBot.GraphStandIn.Writes;

/// <summary>
/// Records each Graph POST, PATCH, PUT and DELETE before anything else sees it (faults included: what was sent was
/// received). A <c>$batch</c> itself is not recorded; its requests come back over loopback and are.
/// </summary>
internal static class WriteRecording
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next, ReceivedWriteLog log, TimeProvider time)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/v1.0", out var graphPath) || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || graphPath.StartsWithSegments("/$batch"))
        {
            await next().ConfigureAwait(false);
            return;
        }

        request.EnableBuffering();
        using (var reader = new StreamReader(request.Body, leaveOpen: true))
        {
            var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
            log.Add(new ReceivedWrite(request.Method, graphPath.Value + request.QueryString.Value, Unescaped(body), time.GetUtcNow()));
        }

        request.Body.Position = 0;
        await next().ConfigureAwait(false);
    }

    /// <summary>JSON rewritten without \u escapes, so a scan finds "Frånvarande" however the client escaped it; other text as sent.</summary>
    private static string Unescaped(string body)
    {
        try
        {
            return body.Length == 0 || JsonNode.Parse(body) is not { } json ? body : json.ToJsonString(GraphJson.Options);
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
