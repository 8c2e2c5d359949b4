using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PresenceBot.GraphStandIn.Directory;
using PresenceBot.GraphStandIn.Hosting;
using PresenceBot.GraphStandIn.Stats;
using PresenceBot.GraphStandIn.Subscriptions;

namespace PresenceBot.GraphStandIn.Notifications;

/// <summary>
/// Posts change and lifecycle notifications the way Graph does: at least once, retried with bounded backoff,
/// and, as configured, duplicated, delayed (hence out of order) and batched. Delivery pacing uses real time on
/// purpose: a test that freezes the clock for expirations must not freeze the network.
/// </summary>
internal sealed class NotificationDispatcher : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly SubscriptionStore _subscriptions;
    private readonly StandInDirectory _directory;
    private readonly GraphStandInOptions _options;
    private readonly StatsCounters _stats;
    private readonly ILogger _logger;
    private readonly Random _random;
    private readonly Lock _randomGate = new();
    private readonly CancellationTokenSource _stopping = new();

    public NotificationDispatcher(
        HttpClient http, SubscriptionStore subscriptions, StandInDirectory directory, GraphStandInOptions options, StatsCounters stats)
    {
        _http = http;
        _subscriptions = subscriptions;
        _directory = directory;
        _options = options;
        _stats = stats;
        _logger = options.LoggerFactory.CreateLogger("PresenceBot.GraphStandIn.Notifications");
        _random = options.RandomSeed is { } seed ? new Random(seed) : new Random();
    }

    /// <summary>Queues notifications for every subscription watching this user's events; returns how many items.</summary>
    public int EventChanged(string userId, string eventId, string changeType, string changeKey)
    {
        var queued = 0;
        foreach (var subscription in _subscriptions.Active())
        {
            var watched = subscription.EventsUser();
            if (watched is null || !SameUser(watched, userId))
            {
                continue;
            }

            var changes = new List<string>();
            if (subscription.Includes(changeType))
            {
                changes.Add(changeType);
            }

            if (changeType == "created" && _options.FollowCreatedWithUpdated && subscription.Includes("updated"))
            {
                changes.Add("updated");
            }

            var items = new List<JsonObject>();
            foreach (var change in changes)
            {
                items.Add(ChangeItem(subscription, userId, eventId, change, changeKey));
                if (Chance(_options.DuplicateProbability))
                {
                    items.Add(ChangeItem(subscription, userId, eventId, change, changeKey));
                }
            }

            queued += items.Count;
            if (items.Count > 1 && Chance(_options.BatchProbability))
            {
                Schedule(subscription.NotificationUrl, items);
            }
            else
            {
                items.ForEach(item => Schedule(subscription.NotificationUrl, [item]));
            }
        }

        return queued;
    }

    /// <summary>Posts one lifecycle event to the subscription's lifecycle URL (or its notification URL if none).</summary>
    public void Lifecycle(StandInSubscription subscription, string lifecycleEvent)
    {
        var item = new JsonObject
        {
            ["subscriptionId"] = subscription.Id,
            ["subscriptionExpirationDateTime"] = Expiration(subscription),
            ["lifecycleEvent"] = lifecycleEvent,
            ["clientState"] = subscription.ClientState,
            ["tenantId"] = _options.TenantId.ToString(),
            ["organizationId"] = _options.TenantId.ToString(),
        };
        _stats.Lifecycle();
        Schedule(subscription.LifecycleNotificationUrl ?? subscription.NotificationUrl, [item]);
    }

    /// <summary>Waits until nothing is queued or being retried (bounded by the caller's token).</summary>
    public async Task WhenIdleAsync(CancellationToken ct)
    {
        while (_stats.InFlight > 0)
        {
            await Task.Delay(10, ct).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private JsonObject ChangeItem(StandInSubscription subscription, string userId, string eventId, string changeType, string changeKey)
    {
        var resource = $"Users/{userId}/Events/{eventId}";
        var item = new JsonObject
        {
            ["subscriptionId"] = subscription.Id,
            ["subscriptionExpirationDateTime"] = Expiration(subscription),
            ["changeType"] = changeType,
            ["resource"] = resource,
            ["resourceData"] = new JsonObject
            {
                ["@odata.type"] = "#Microsoft.Graph.Event",
                ["@odata.id"] = resource,
                ["@odata.etag"] = $"W/\"{changeKey}\"",
                ["id"] = eventId,
            },
            ["clientState"] = subscription.ClientState,
            ["tenantId"] = _options.TenantId.ToString(),
        };
        return item;
    }

    private static string Expiration(StandInSubscription subscription) =>
        subscription.ExpirationDateTime.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);

    private bool SameUser(string watched, string userId) =>
        watched.Equals(userId, StringComparison.OrdinalIgnoreCase)
        || (_directory.FindUser(watched)?.Id.Equals(userId, StringComparison.OrdinalIgnoreCase) ?? false);

    private void Schedule(string url, List<JsonObject> items)
    {
        _stats.Queued(items.Count);
        var delay = Delay();
        _ = Task.Run(() => DeliverAsync(url, items, delay, _stopping.Token));
    }

    private async Task DeliverAsync(string url, List<JsonObject> items, TimeSpan delay, CancellationToken ct)
    {
        var reason = "";
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, ct).ConfigureAwait(false);
            }

            var body = new JsonObject { ["value"] = new JsonArray([.. items.Select(i => (JsonNode)i.DeepClone())]) };
            for (var attempt = 1; attempt <= _options.MaxDeliveryAttempts; attempt++)
            {
                reason = await PostOnceAsync(url, body, ct).ConfigureAwait(false);
                if (reason.Length == 0)
                {
                    _stats.Acknowledged(items.Count);
                    return;
                }

                if (attempt < _options.MaxDeliveryAttempts)
                {
                    _stats.Retried();
                    await Task.Delay(Backoff(attempt), ct).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            reason = "stand-in stopped";
        }

        _stats.Failed(items.Count, $"{url}: {reason}");
        Log.NotificationGivenUp(_logger, url, _options.MaxDeliveryAttempts, reason);
    }

    /// <summary>One POST; an empty string on a 2xx answer, otherwise why it failed.</summary>
    private async Task<string> PostOnceAsync(string url, JsonObject body, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.NotificationTimeout);
        _stats.Posted();
        try
        {
            using var response = await _http.PostAsJsonAsync(url, body, GraphJson.Options, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? "" : $"HTTP {(int)response.StatusCode}";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return "timed out";
        }
        catch (HttpRequestException ex)
        {
            // A receiver that is down is exactly what retries are for; the reason is kept for the stats.
            return ex.Message;
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var ticks = _options.RetryBaseDelay.Ticks * Math.Pow(2, attempt - 1);
        return TimeSpan.FromTicks((long)Math.Min(ticks, _options.MaxRetryDelay.Ticks));
    }

    private TimeSpan Delay()
    {
        if (_options.MaxExtraDelay <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        lock (_randomGate)
        {
            return TimeSpan.FromTicks((long)(_random.NextDouble() * _options.MaxExtraDelay.Ticks));
        }
    }

    private bool Chance(double probability)
    {
        if (probability <= 0)
        {
            return false;
        }

        lock (_randomGate)
        {
            return _random.NextDouble() < probability;
        }
    }
}
