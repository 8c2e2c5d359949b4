using Microsoft.AspNetCore.Http;
using PresenceBot.TeamsChannel.Tests.Support;

namespace PresenceBot.Tests.ScaleOut;

/// <summary>
/// What a load balancer is in production, on loopback: Graph's one public address for both instances. Each request
/// goes to the next instance in turn, and to the other when that one does not answer (killed), like a health-probed
/// balancer would; a request neither takes is answered 502, which Graph retries.
/// </summary>
public sealed class FrontDoor : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(10) };
    private IReadOnlyList<Uri> _instances = [];
    private int _next;

    private FrontDoor(LoopbackServer server) => _server = server;

    public string BaseUrl => _server.BaseUrl;

    public static async Task<FrontDoor> StartAsync()
    {
        FrontDoor? door = null;
        var server = await LoopbackServer.StartAsync(context => door!.ForwardAsync(context));
        door = new FrontDoor(server);
        return door;
    }

    public void Route(params Uri[] instances) => _instances = instances;

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _client.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var instances = _instances;
        var first = Interlocked.Increment(ref _next);
        for (var i = 0; i < instances.Count; i++)
        {
            var target = new Uri(instances[(first + i) % instances.Count], context.Request.Path + context.Request.QueryString);
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), target);
            if (body.Length > 0 || context.Request.ContentType is not null)
            {
                request.Content = new ByteArrayContent(body);
                if (context.Request.ContentType is { } type)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
                }
            }

            HttpResponseMessage response;
            try
            {
                response = await _client.SendAsync(request);
            }
            catch (HttpRequestException)
            {
                continue; // That instance is down: the other one.
            }

            using (response)
            {
                context.Response.StatusCode = (int)response.StatusCode;
                if (response.Content.Headers.ContentType is { } contentType)
                {
                    context.Response.ContentType = contentType.ToString();
                }

                await response.Content.CopyToAsync(context.Response.Body);
                return;
            }
        }

        context.Response.StatusCode = StatusCodes.Status502BadGateway;
    }
}
