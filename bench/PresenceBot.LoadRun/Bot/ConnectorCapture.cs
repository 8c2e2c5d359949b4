using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PresenceBot.LoadRun.Bot;

/// <summary>A reply as it reached the capture server: when (Stopwatch timestamp) and its text.</summary>
internal readonly record struct CapturedReply(long ArrivedAt, string? Text);

/// <summary>
/// The Bot Framework connector, stood in on loopback in this process: the bot answers a command with
/// <c>POST {serviceUrl}/v3/conversations/{id}/activities/{replyToId}</c>; each arrival completes the waiter
/// registered for that <c>replyToId</c> with the time it arrived.
/// </summary>
internal sealed class ConnectorCapture : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<CapturedReply>> _waiting = new(StringComparer.Ordinal);
    private int _unexpected;

    private ConnectorCapture(WebApplication app) => _app = app;

    /// <summary>The serviceUrl to put in activities, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>Replies (or other connector calls) nobody waited for: sent to the wrong place, twice, or too late.</summary>
    public int Unexpected => Volatile.Read(ref _unexpected);

    public static async Task<ConnectorCapture> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var capture = new ConnectorCapture(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", capture.ReplyAsync);
        app.MapFallback((HttpContext _) =>
        {
            Interlocked.Increment(ref capture._unexpected);
            return Results.NotFound();
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        capture.ServiceUrl = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{new Uri(address).Port}/"));
        return capture;
    }

    /// <summary>Registers interest in the reply to <paramref name="activityId"/>; call before sending the activity.</summary>
    public Task<CapturedReply> Expect(string activityId)
    {
        var waiter = new TaskCompletionSource<CapturedReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[activityId] = waiter;
        return waiter.Task;
    }

    public void Forget(string activityId) => _waiting.TryRemove(activityId, out _);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<IResult> ReplyAsync(string replyToId, HttpRequest request, CancellationToken cancellationToken)
    {
        var arrivedAt = Stopwatch.GetTimestamp();
        string? text = null;
        using (var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (body.RootElement.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            {
                text = t.GetString();
            }
        }

        if (_waiting.TryRemove(replyToId, out var waiter))
        {
            waiter.TrySetResult(new CapturedReply(arrivedAt, text));
        }
        else
        {
            Interlocked.Increment(ref _unexpected);
        }

        return Results.Json(new { id = $"reply-{replyToId}" });
    }
}
