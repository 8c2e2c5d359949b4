using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PresenceBot.TeamsChannel.Connector;

namespace PresenceBot.TeamsChannel.Tests.Support;

/// <summary>
/// Stands in for the Bot Framework connector (smba.trafficmanager.net): records every request and answers
/// like the connector does, unless a test queues other answers (errors, throttling).
/// </summary>
public sealed class ConnectorStandIn : IAsyncDisposable
{
    public const string CreatedConversationId = "a:created-personal-chat";

    private readonly ConcurrentQueue<ConnectorRequest> _requests = new();
    private readonly ConcurrentQueue<ConnectorAnswer> _answers = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private LoopbackServer _server = null!;
    private TaskCompletionSource _hold = Released();
    private int _inFlight;
    private int _maxInFlight;

    public string ServiceUrl => _server.BaseUrl + "/emea/";

    public IReadOnlyList<ConnectorRequest> Requests => _requests.ToArray();

    /// <summary>The most requests that were being answered at the same time.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Requests arriving from now on are recorded but not answered until <see cref="Release"/>.</summary>
    public void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _hold.TrySetResult();

    public static async Task<ConnectorStandIn> StartAsync()
    {
        var connector = new ConnectorStandIn();
        connector._server = await LoopbackServer.StartAsync(connector.ServeAsync);
        return connector;
    }

    /// <summary>The next requests get these answers, in order; after them the connector answers normally again.</summary>
    public void Answer(params ConnectorAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            _answers.Enqueue(answer);
        }
    }

    /// <summary>Waits (bounded, in real time) until <paramref name="count"/> requests have arrived in all.</summary>
    public async Task<IReadOnlyList<ConnectorRequest>> WaitForRequestsAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (_requests.Count < count)
        {
            await _arrived.WaitAsync(timeout.Token);
        }

        return Requests;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _arrived.Dispose();
    }

    private async Task ServeAsync(HttpContext context)
    {
        var text = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var request = new ConnectorRequest(
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            text.Length == 0 ? null : JsonNode.Parse(text));
        var inFlight = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, inFlight);
        _requests.Enqueue(request);
        _arrived.Release();
        try
        {
            await _hold.Task;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }

        var answer = _answers.TryDequeue(out var queued) ? queued : Normal(request);
        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (answer.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Body);
        }
    }

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource();
        released.SetResult();
        return released;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private static ConnectorAnswer Normal(ConnectorRequest request) =>
        request.Path.EndsWith("/v3/conversations", StringComparison.Ordinal)
            ? new ConnectorAnswer(201, $$"""{"id":"{{CreatedConversationId}}"}""")
            : new ConnectorAnswer(200, $$"""{"id":"sent-{{Guid.NewGuid():N}}"}""");
}
