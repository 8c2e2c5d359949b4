using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PresenceBot.GraphStandIn.Tests;

/// <summary>
/// A webhook on loopback that plays the product's part: answers Graph's validation handshake, records every
/// notification item, and can be told to fail or to echo the wrong token.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonObject> Notifications { get; } = new();

    public ConcurrentQueue<JsonObject> Lifecycle { get; } = new();

    public ConcurrentQueue<int> PostSizes { get; } = new();

    public ConcurrentQueue<string> ValidationTokens { get; } = new();

    public bool EchoWrongToken { get; set; }

    public Uri Root { get; private set; } = new("http://127.0.0.1/");

    public string NotificationUrl => new Uri(Root, "notifications").ToString();

    public string LifecycleUrl => new Uri(Root, "lifecycle").ToString();

    public int FailuresLeft => Volatile.Read(ref _failuresLeft);

    public void FailNext(int count) => Volatile.Write(ref _failuresLeft, count);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/notifications", context => receiver.HandleAsync(context, receiver.Notifications));
        app.MapPost("/lifecycle", context => receiver.HandleAsync(context, receiver.Lifecycle));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Root = new Uri($"http://127.0.0.1:{new Uri(address).Port}/");
        return receiver;
    }

    /// <summary>Waits (bounded) until the condition holds over what arrived.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, int seconds = 10)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (!condition())
        {
            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException("Timed out waiting for " + what);
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context, ConcurrentQueue<JsonObject> into)
    {
        if (context.Request.Query.TryGetValue("validationToken", out var token))
        {
            ValidationTokens.Enqueue(token.ToString());
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(EchoWrongToken ? "not-the-token" : token.ToString());
            return;
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            context.Response.StatusCode = 500;
            return;
        }

        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        var items = body["value"]!.AsArray();
        PostSizes.Enqueue(items.Count);
        foreach (var item in items)
        {
            into.Enqueue(item!.AsObject());
        }

        context.Response.StatusCode = 202;
    }
}
