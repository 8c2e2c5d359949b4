using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace PresenceBot.OperatorPage;

/// <summary>
/// <c>GET /switchboard/events</c>: server-sent events. <c>hello</c> on every (re)connect — the page reloads what it shows,
/// since it may have missed changes while away — then <c>changed</c> with a person id for each committed change, and a
/// comment line when idle. The stream ends when the service stops, so a restart is a reconnect for the page.
/// </summary>
internal static class ChangeStream
{
    public static async Task Stream(
        HttpContext http, ChangeFeed feed, IOptions<OperatorPageOptions> options, TimeProvider time, IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = ending.Token;
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        using var subscription = feed.Subscribe();
        try
        {
            // retry: how soon the browser reconnects by itself after a lost connection.
            await WriteAsync(http, "retry: 1000\nevent: hello\ndata: {}\n\n", cancellationToken).ConfigureAwait(false);
            var reader = subscription.Reader;
            while (true)
            {
                using var idle = new CancellationTokenSource(options.Value.KeepAliveInterval, time);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
                bool open;
                try
                {
                    open = await reader.WaitToReadAsync(wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await WriteAsync(http, ": stilla\n\n", cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (!open)
                {
                    return;
                }

                var batch = new StringBuilder();
                while (reader.TryRead(out var personId))
                {
                    batch.Append("event: changed\ndata: ").Append(JsonSerializer.Serialize(new { person = personId })).Append("\n\n");
                }

                await WriteAsync(http, batch.ToString(), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page went away or the service is stopping: the stream simply ends.
        }
    }

    private static async Task WriteAsync(HttpContext http, string text, CancellationToken cancellationToken)
    {
        await http.Response.WriteAsync(text, cancellationToken).ConfigureAwait(false);
        await http.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
