using System.Net;
using System.Text.Json;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace PresenceBot.CalendarSync.Graph;

/// <summary>
/// Many GETs (one per key, e.g. per person) in Graph's <c>$batch</c>, 20 to a batch, one request per mailbox at a time.
/// Requests Graph throttles (429, 503) are asked again after the longest <c>Retry-After</c> among them (1 s to 1 min,
/// waited on <see cref="TimeProvider"/>), for up to five rounds. A failed <c>$batch</c> call as a whole throws.
/// </summary>
internal static class GraphBatch
{
    public const int MaxRequests = 20;
    private const int MaxRounds = 5;
    private static readonly TimeSpan ShortestWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(1);

    /// <summary>An answer for every key: 200 with its body, or the status it failed with (still throttled after the last round: 429 or 503).</summary>
    public static async Task<IReadOnlyDictionary<string, BatchAnswer<T>>> GetAsync<T>(
        GraphServiceClient client, IReadOnlyList<string> keys, Func<string, RequestInformation> request, TimeProvider time, CancellationToken cancellationToken)
        where T : class, IParsable, new()
    {
        var answers = new Dictionary<string, BatchAnswer<T>>(StringComparer.Ordinal);
        var waiting = keys.Distinct(StringComparer.Ordinal).ToList();
        for (var round = 1; waiting.Count > 0; round++)
        {
            var throttled = new List<string>();
            var retryAfter = ShortestWait;
            foreach (var chunk in waiting.Chunk(MaxRequests))
            {
                var (done, slow, wait) = await OneBatchAsync<T>(client, chunk, request, cancellationToken).ConfigureAwait(false);
                foreach (var (key, answer) in done)
                {
                    answers[key] = answer;
                }

                throttled.AddRange(slow.Select(s => s.Key));
                retryAfter = wait > retryAfter ? wait : retryAfter;
                if (round == MaxRounds)
                {
                    foreach (var (key, status) in slow)
                    {
                        answers[key] = new BatchAnswer<T>(status, null);
                    }
                }
            }

            waiting = round < MaxRounds ? throttled : [];
            if (waiting.Count > 0)
            {
                await Task.Delay(retryAfter, time, cancellationToken).ConfigureAwait(false);
            }
        }

        return answers;
    }

    /// <summary>One $batch: the answers that are final, the throttled keys, and how long Graph asked us to wait.</summary>
    private static async Task<(Dictionary<string, BatchAnswer<T>> Done, List<KeyValuePair<string, HttpStatusCode>> Throttled, TimeSpan RetryAfter)> OneBatchAsync<T>(
        GraphServiceClient client, IReadOnlyList<string> keys, Func<string, RequestInformation> request, CancellationToken cancellationToken)
        where T : class, IParsable, new()
    {
        var batch = new BatchRequestContentCollection(client, MaxRequests);
        var stepOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            stepOf[key] = await batch.AddBatchRequestStepAsync(request(key)).ConfigureAwait(false);
        }

        var responses = await client.Batch.PostAsync(batch, cancellationToken).ConfigureAwait(false);
        var statuses = await responses.GetResponsesStatusCodesAsync().ConfigureAwait(false);
        var done = new Dictionary<string, BatchAnswer<T>>(StringComparer.Ordinal);
        var throttled = new List<KeyValuePair<string, HttpStatusCode>>();
        var retryAfter = TimeSpan.Zero;
        foreach (var (key, step) in stepOf)
        {
            var status = statuses.TryGetValue(step, out var code) ? code : HttpStatusCode.InternalServerError;
            if (status == HttpStatusCode.OK)
            {
                done[key] = new BatchAnswer<T>(status, await responses.GetResponseByIdAsync<T>(step).ConfigureAwait(false));
            }
            else if (status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            {
                throttled.Add(new(key, status));
                using var response = await responses.GetResponseByIdAsync(step).ConfigureAwait(false);
                if (response?.Headers.RetryAfter?.Delta is { } delta && delta > retryAfter)
                {
                    retryAfter = delta > LongestWait ? LongestWait : delta;
                }
            }
            else
            {
                using var response = await responses.GetResponseByIdAsync(step).ConfigureAwait(false);
                done[key] = new BatchAnswer<T>(status, null, await ErrorCodeAsync(response, cancellationToken).ConfigureAwait(false));
            }
        }

        return (done, throttled, retryAfter);
    }

    /// <summary><c>error.code</c> of Graph's error body, if it has one: it says what went wrong better than the status does.</summary>
    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage? response, CancellationToken cancellationToken)
    {
        if (response?.Content is null)
        {
            return null;
        }

        try
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            return body.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                ? code.GetString()
                : null;
        }
        catch (JsonException)
        {
            // Not JSON (a gateway's HTML page): the status alone has to do.
            return null;
        }
    }
}
