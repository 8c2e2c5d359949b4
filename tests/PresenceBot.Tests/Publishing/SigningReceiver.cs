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
/// per person (by sequence). It records every delivery it accepted, what it refused and why (an older sequence after a
/// newer one among them), and how many were repeats of what it has. <see cref="Hold"/> keeps deliveries in flight
/// (no answer) until <see cref="Release"/>, so a test can stop the sender mid-delivery.
/// </summary>
public sealed class SigningReceiver : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<JsonNode> _accepted = new();
    private readonly ConcurrentQueue<string> _refused = new();
    private readonly ConcurrentDictionary<string, long> _latest = new();
    private readonly SemaphoreSlim _held = new(0);
    private readonly Lock _gate = new();
    private TaskCompletionSource _release = Released();
    private int _repeats;

    private SigningReceiver(LoopbackServer server) => _server = server;

    /// <summary>What the receiver answers when the delivery is in order; 503 simulates a receiver that is down.</summary>
    public HttpStatusCode Answer { get; set; } = HttpStatusCode.OK;

    public string Url => _server.BaseUrl + "/hooks/presencebot";

    public IReadOnlyList<JsonNode> Accepted => [.. _accepted];

    public IReadOnlyList<string> Refused => [.. _refused];

    /// <summary>Deliveries of a sequence the receiver already had (a retry whose answer the sender never saw).</summary>
    public int Repeats => Volatile.Read(ref _repeats);

    /// <summary>Every raw body that reached the receiver, answered or not (for privacy scans).</summary>
    public ConcurrentQueue<string> Bodies { get; } = new();

    public static async Task<SigningReceiver> StartAsync(string secret, Func<DateTimeOffset> now)
    {
        SigningReceiver? receiver = null;
        var server = await LoopbackServer.StartAsync(context => receiver!.ReceiveAsync(context, secret, now));
        receiver = new SigningReceiver(server);
        return receiver;
    }

    /// <summary>From now on, deliveries get no answer until <see cref="Release"/> (or until the sender goes away).</summary>
    public void Hold()
    {
        lock (_gate)
        {
            if (_release.Task.IsCompleted)
            {
                _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    public void Release()
    {
        lock (_gate)
        {
            _release.TrySetResult();
        }
    }

    /// <summary>Waits until a delivery is being held; false when none came within <paramref name="timeout"/>.</summary>
    public Task<bool> WhenHeldAsync(TimeSpan timeout) => _held.WaitAsync(timeout);

    public async ValueTask DisposeAsync()
    {
        Release();
        await _server.DisposeAsync();
        _held.Dispose();
    }

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource();
        released.SetResult();
        return released;
    }

    private async Task ReceiveAsync(HttpContext context, string secret, Func<DateTimeOffset> now)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        Bodies.Enqueue(System.Text.Encoding.UTF8.GetString(body));
        Task release;
        lock (_gate)
        {
            release = _release.Task;
        }

        if (!release.IsCompleted)
        {
            _held.Release();
            await release.WaitAsync(context.RequestAborted);
        }

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
            if (sequence == seen)
            {
                Interlocked.Increment(ref _repeats);
            }
            else
            {
                _refused.Enqueue($"old sequence {sequence} after {seen}");
            }

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
