using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using PresenceBot.GraphStandIn.Stats;

namespace PresenceBot.GraphStandIn.Subscriptions;

/// <summary>
/// Graph's subscription validation: POST <c>{url}?validationToken=…</c> and expect, within 10 seconds, 200 with a
/// <c>text/plain</c> body that is exactly the token. The token has spaces and colons like Graph's, so a receiver
/// that forgets to URL-decode it fails here rather than against real Graph.
/// </summary>
internal sealed class ValidationHandshake(HttpClient http, GraphStandInOptions options, StatsCounters stats)
{
    private readonly ILogger _logger = options.LoggerFactory.CreateLogger("PresenceBot.GraphStandIn.Subscriptions");

    /// <summary>Null when the endpoint answered correctly; otherwise why not.</summary>
    public async Task<string?> ValidateAsync(string url, CancellationToken ct)
    {
        var token = $"Validation: Testing client application reachability for subscription Request-Id: {Guid.NewGuid()}";
        var target = url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "validationToken=" + Uri.EscapeDataString(token);
        var failure = await AttemptAsync(target, token, ct).ConfigureAwait(false);
        stats.Validation(failure is null);
        if (failure is not null)
        {
            Log.ValidationFailed(_logger, url, failure);
        }

        return failure;
    }

    private async Task<string?> AttemptAsync(string target, string token, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.ValidationTimeout);
        try
        {
            using var content = new StringContent("", MediaTypeHeaderValue.Parse("text/plain"));
            using var response = await http.PostAsync(new Uri(target), content, timeout.Token).ConfigureAwait(false);
            if ((int)response.StatusCode != 200)
            {
                return $"answered {(int)response.StatusCode}, expected 200";
            }

            if (response.Content.Headers.ContentType?.MediaType?.Equals("text/plain", StringComparison.OrdinalIgnoreCase) != true)
            {
                return $"answered content type '{response.Content.Headers.ContentType}', expected text/plain";
            }

            var body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            return body == token ? null : "the body was not the validation token";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"no answer within {options.ValidationTimeout.TotalSeconds:0} s";
        }
        catch (HttpRequestException ex)
        {
            // Unreachable receivers are the common failure; Graph reports them as a failed validation too.
            return ex.Message;
        }
    }
}
