using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PresenceBot.LoadRun.Publish;

/// <summary>
/// A signed-webhook receiver on loopback, in this process: checks each delivery's signature as the README tells
/// integrators to, and records when it arrived (<see cref="Stopwatch"/> ticks) with the person, sequence and return time.
/// Counts bad signatures and sequences older than one already received for the person (the order publishing promises).
/// </summary>
internal sealed class PublishReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _secret;
    private readonly ConcurrentQueue<Arrival> _arrivals = new();
    private readonly ConcurrentDictionary<string, long> _latest = new();
    private int _badSignatures;
    private int _older;

    private PublishReceiver(WebApplication app, string secret)
    {
        _app = app;
        _secret = secret;
    }

    public string Url { get; private set; } = "";

    public IReadOnlyList<Arrival> Arrivals => [.. _arrivals];

    public int BadSignatures => Volatile.Read(ref _badSignatures);

    /// <summary>Deliveries whose sequence was lower than one already received for the person.</summary>
    public int OlderAfterNewer => Volatile.Read(ref _older);

    public static async Task<PublishReceiver> StartAsync(string secret, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new PublishReceiver(app, secret);
        app.MapPost("/hooks/presencebot", (Delegate)receiver.ReceiveAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hooks/presencebot";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        var arrived = Stopwatch.GetTimestamp();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var body = buffer.ToArray();
        var timestamp = context.Request.Headers["X-PresenceBot-Timestamp"].ToString();
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_secret), (byte[])[.. Encoding.UTF8.GetBytes(timestamp + "."), .. body]));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(context.Request.Headers["X-PresenceBot-Signature"].ToString())))
        {
            Interlocked.Increment(ref _badSignatures);
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        var json = JsonNode.Parse(body)!;
        var person = (string)json["person"]!["id"]!;
        var sequence = (long)json["sequence"]!;
        var older = false;
        _latest.AddOrUpdate(person, sequence, (_, seen) =>
        {
            older = sequence < seen;
            return Math.Max(seen, sequence);
        });
        if (older)
        {
            Interlocked.Increment(ref _older);
        }

        _arrivals.Enqueue(new Arrival(person, sequence, (string?)json["returnsAt"], arrived));
        return Results.NoContent();
    }

    /// <summary>One delivery: whose, which sequence, the return time it carried (null when available), when it came.</summary>
    internal sealed record Arrival(string PersonId, long Sequence, string? ReturnsAt, long ArrivedAt);
}
