using System.Net.Sockets;

namespace PresenceBot.LoadRun.ScaleOut;

/// <summary>
/// What a load balancer does in front of the instances: each request to the next instance in turn, and to the other
/// when that one fails it (refused: killed or not listening yet; or cut off mid-request by the kill — a notification
/// sent twice is harmless, Graph itself retries). The reroutes are counted by cause; the time they take is part of the
/// request's latency, as a caller behind a balancer would see it.
/// </summary>
internal sealed class Failover(IReadOnlyList<Uri> instances, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _causes = new(StringComparer.Ordinal);
    private int _next;
    private long _rerouted;

    public long Rerouted => Interlocked.Read(ref _rerouted);

    public string Causes => string.Join(", ", _causes.Select(c => $"{c.Key}: {c.Value}"));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var first = Interlocked.Increment(ref _next);
        for (var i = 0; ; i++)
        {
            var instance = instances[(first + i) % instances.Count];
            using var attempt = new HttpRequestMessage(request.Method, new Uri(instance, request.RequestUri!.PathAndQuery));
            if (body is not null)
            {
                attempt.Content = new ByteArrayContent(body);
                foreach (var header in request.Content!.Headers)
                {
                    attempt.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            foreach (var header in request.Headers)
            {
                attempt.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            try
            {
                return await base.SendAsync(attempt, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e) when (i + 1 < instances.Count)
            {
                // That instance is down or went down during the request: the other one.
                Interlocked.Increment(ref _rerouted);
                _causes.AddOrUpdate(e.InnerException is SocketException socket ? socket.SocketErrorCode.ToString() : $"{e.HttpRequestError} {e.InnerException?.GetType().Name}", 1, (_, n) => n + 1);
            }
        }
    }
}
