using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PresenceBot.Publishing.Webhooks;
using PresenceBot.Voicemail;
using PresenceBot.TeamsChannel.Tests.Support;

namespace PresenceBot.Tests.Publishing;

/// <summary>
/// A webhook receiver on loopback that does what the README tells integrators to do: verify the signature over
/// "{timestamp}.{body}", reject a timestamp more than five minutes off, and keep only what is newer than what it has
/// per person (by sequence). It records every delivery it accepted, and how many it refused and why.
/// </summary>
public sealed class SigningReceiver : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<JsonNode> _accepted = new();
    private readonly ConcurrentQueue<string> _refused = new();
    private readonly ConcurrentDictionary<string, long> _latest = new();

    private SigningReceiver(LoopbackServer server) => _server = server;

    /// <summary>What the receiver answers when the delivery is in order; 503 simulates a receiver that is down.</summary>
    public HttpStatusCode Answer { get; set; } = HttpStatusCode.OK;

    public string Url => _server.BaseUrl + "/hooks/presencebot";

    public IReadOnlyList<JsonNode> Accepted => [.. _accepted];

    public IReadOnlyList<string> Refused => [.. _refused];

    /// <summary>Every raw body that reached the receiver, answered or not (for privacy scans).</summary>
    public ConcurrentQueue<string> Bodies { get; } = new();

    public static async Task<SigningReceiver> StartAsync(string secret, Func<DateTimeOffset> now)
    {
        SigningReceiver? receiver = null;
        var server = await LoopbackServer.StartAsync(context => receiver!.ReceiveAsync(context, secret, now));
        receiver = new SigningReceiver(server);
        return receiver;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task ReceiveAsync(HttpContext context, string secret, Func<DateTimeOffset> now)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        Bodies.Enqueue(System.Text.Encoding.UTF8.GetString(body));
        if (Answer != HttpStatusCode.OK)
        {
            context.Response.StatusCode = (int)Answer;
            return;
        }

        // What the README tells a receiver: the signature over "{timestamp}.{body}", the timestamp within five minutes.
        if (WebhookSignature.Problem(
            context.Request.Headers[WebhookSignature.HeaderName], context.Request.Headers[WebhookSignature.TimestampHeaderName], body, secret, now(), acceptBodyOnly: false) is { } problem)
        {
            Refuse(context, problem);
            return;
        }

        var json = JsonNode.Parse(body)!;
        if ((string?)json["eventId"] != context.Request.Headers[WebhookPublisher.EventHeader])
        {
            Refuse(context, "event header differs from the body");
            return;
        }

        var person = (string)json["person"]!["id"]!;
        var sequence = (long)json["sequence"]!;
        if (_latest.TryGetValue(person, out var seen) && sequence <= seen)
        {
            // An older or repeated state: acknowledged, not applied.
            _refused.Enqueue($"old sequence {sequence} after {seen}");
            context.Response.StatusCode = 200;
            return;
        }

        _latest[person] = sequence;
        _accepted.Enqueue(json);
        context.Response.StatusCode = 204;
    }

    private void Refuse(HttpContext context, string why)
    {
        _refused.Enqueue(why);
        context.Response.StatusCode = 401;
    }
}
