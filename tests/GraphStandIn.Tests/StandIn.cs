using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PresenceBot.GraphStandIn.Tests;

/// <summary>Starts a stand-in and a webhook receiver together, with an HttpClient and small helpers.</summary>
internal sealed class StandIn : IAsyncDisposable
{
    private StandIn(GraphStandInServer server, WebhookReceiver receiver)
    {
        Server = server;
        Receiver = receiver;
        Http = new HttpClient { BaseAddress = server.BaseUrl };
    }

    public GraphStandInServer Server { get; }

    public WebhookReceiver Receiver { get; }

    public HttpClient Http { get; }

    public static async Task<StandIn> StartAsync(GraphStandInOptions? options = null) =>
        new(await GraphStandInServer.StartAsync(options ?? new GraphStandInOptions(), CancellationToken.None), await WebhookReceiver.StartAsync());

    /// <summary>Subscribes to a user's events over HTTP; returns the subscription id.</summary>
    public async Task<string> SubscribeAsync(string userId, string changeType = "created,updated,deleted", string clientState = "secret-state")
    {
        using var response = await Http.PostAsJsonAsync("subscriptions", new
        {
            changeType,
            notificationUrl = Receiver.NotificationUrl,
            lifecycleNotificationUrl = Receiver.LifecycleUrl,
            resource = $"/users/{userId}/events",
            expirationDateTime = TimeProvider.System.GetUtcNow().AddHours(1),
            clientState,
        });
        Assert.Equal(201, (int)response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["id"]!.GetValue<string>();
    }

    public Task<HttpResponseMessage> DevAsync(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, new Uri(Server.DevUrl, path));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return Http.SendAsync(request);
    }

    public async Task<JsonObject> GetJsonAsync(string url, string? prefer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (prefer is not null)
        {
            request.Headers.TryAddWithoutValidation("Prefer", prefer);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
