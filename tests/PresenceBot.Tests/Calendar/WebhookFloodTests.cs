using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PresenceBot.CalendarSync.Notifications;
using PresenceBot.CalendarSync.Subscriptions;
using PresenceBot.Storage;
using static PresenceBot.Tests.Calendar.CalendarTestHost;

namespace PresenceBot.Tests.Calendar;

/// <summary>
/// Issue 13 item 9: the webhook is no amplifier. A request holds at most 1,000 items; made-up subscription ids cost a
/// bounded number of store look-ups (and none again while remembered); the warning comes once a minute with a count.
/// </summary>
public sealed class WebhookFloodTests : IAsyncLifetime
{
    private readonly CountingSubscriptionStore _store = new();
    private CalendarTestHost _host = null!;

    public async Task InitializeAsync() => _host = await StartAsync(runServer: false, services: services =>
    {
        services.RemoveAll<ISubscriptionStore>();
        services.AddSingleton<ISubscriptionStore>(sp =>
        {
            _store.Inner = ActivatorUtilities.CreateInstance<EfSubscriptionStore>(sp);
            return _store;
        });
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Twenty_thousand_unknown_items_are_refused_whole_or_cost_a_bounded_number_of_lookups_and_one_warning()
    {
        var (id, clientState, _) = await _host.SubscriptionOfAsync(Kim);
        var before = _store.Finds;

        // All in one body (under the 1 MB limit): refused before any item is looked at.
        using (var flood = await _host.PostWebhookAsync("/api/graph/notifications", Unknown(0, 20_000).ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.BadRequest, flood.StatusCode);
            Assert.Contains("1000", await flood.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, _store.Finds);

        // The same 20,000 as twenty requests of 1,000, with Kim's real notification last in each: accepted, each request
        // asking the store about at most 16 strangers, and Kim's notification still recorded.
        for (var request = 0; request < 20; request++)
        {
            var body = Unknown(request * 1000, 999);
            ((JsonArray)body["value"]!).Add(JsonNode.Parse(Notification(id, clientState, Kim, "created", "AAMk-real"))!["value"]![0]!.DeepClone());
            using var response = await _host.PostWebhookAsync("/api/graph/notifications", body.ToJsonString());
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        Assert.InRange(_store.Finds - before, 1, 20 * WebhookIntake.MaxLookupsPerRequest);
        Assert.Equal(1, await _host.CountAsync("work_items", $"Kind = 'calendar-reread' AND Key = '{Kim}'"));
        Assert.Single(Warnings("unknown subscription"));
        Assert.Single(Warnings("too many notifications in one request"));

        // The warning comes again a minute later, saying how many it held back.
        _host.App.Clock.Advance(DiscardWarnings.Every);
        using (var again = await _host.PostWebhookAsync("/api/graph/notifications", Unknown(0, 1).ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        }

        var warnings = Warnings("unknown subscription");
        Assert.Equal(2, warnings.Count);
        Assert.Contains($"; {(20 * 999) - 1} more for this reason", warnings[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_id_is_remembered_briefly_so_repeats_cost_no_lookup()
    {
        var body = Unknown(0, 10).ToJsonString();
        var before = _store.Finds;

        using (var first = await _host.PostWebhookAsync("/api/graph/notifications", body))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        Assert.Equal(before + 10, _store.Finds);
        for (var i = 0; i < 5; i++)
        {
            using var repeat = await _host.PostWebhookAsync("/api/graph/notifications", body);
            Assert.Equal(HttpStatusCode.Accepted, repeat.StatusCode);
        }

        Assert.Equal(before + 10, _store.Finds);

        // Briefly: once forgotten, the store is asked again (the subscription may have been created by another instance).
        _host.App.Clock.Advance(UnknownSubscriptions.RememberFor);
        using (var later = await _host.PostWebhookAsync("/api/graph/notifications", body))
        {
            Assert.Equal(HttpStatusCode.Accepted, later.StatusCode);
        }

        Assert.Equal(before + 20, _store.Finds);
        Assert.Equal(0, await _host.CountAsync("work_items"));
    }

    [Fact]
    public async Task Forty_of_our_own_subscriptions_this_instance_has_not_seen_are_all_accepted_in_one_request()
    {
        // Made by another instance (straight into the store, past this instance's cache): more than the look-ups one
        // request may use, so the directory reads them all in one query instead of discarding the rest.
        var now = NodaTime.Instant.FromDateTimeOffset(_host.App.Clock.GetUtcNow());
        var items = new JsonArray();
        for (var i = 0; i < 40; i++)
        {
            var subscription = new CalendarSubscription($"other-{i:D2}", $"person-{i:D2}", $"/users/person-{i:D2}/events", $"state-{i:D2}", now + NodaTime.Duration.FromDays(2), now);
            await _store.Inner.SaveAsync(subscription, CancellationToken.None);
            items.Add(JsonNode.Parse(Notification(subscription.Id, subscription.ClientState, subscription.PersonId, "updated", $"AAMk-{i}"))!["value"]![0]!.DeepClone());
        }

        var before = _store.Finds;
        using var response = await _host.PostWebhookAsync("/api/graph/notifications", new JsonObject { ["value"] = items }.ToJsonString());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(40, await _host.CountAsync("work_items", "Kind = 'calendar-reread' AND Key LIKE 'person-%'"));
        Assert.InRange(_store.Finds - before, 0, WebhookIntake.MaxLookupsPerRequest);
        Assert.Empty(Warnings("unknown subscription"));
    }

    private List<string> Warnings(string why) =>
        _host.App.Logs.Lines.Where(l => l.Contains($"Discarded a Graph notification: {why}", StringComparison.Ordinal)).ToList();

    /// <summary><paramref name="count"/> notifications, each for a made-up subscription id of its own.</summary>
    private static JsonObject Unknown(int from, int count)
    {
        var items = new JsonArray();
        for (var i = from; i < from + count; i++)
        {
            // As small as an item can be and still reach the look-up: 20,000 of them fit in the 1 MB a request may hold.
            items.Add(new JsonObject { ["subscriptionId"] = $"{i:D5}", ["changeType"] = "created" });
        }

        return new JsonObject { ["value"] = items };
    }

    /// <summary>The real store, counting the look-ups by id (what each unknown notification used to cost).</summary>
    private sealed class CountingSubscriptionStore : ISubscriptionStore
    {
        private int _finds;

        public ISubscriptionStore Inner { get; set; } = null!;

        public int Finds => Volatile.Read(ref _finds);

        public Task<IReadOnlyList<CalendarSubscription>> ListAsync(CancellationToken cancellationToken) => Inner.ListAsync(cancellationToken);

        public Task<CalendarSubscription?> FindAsync(string subscriptionId, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _finds);
            return Inner.FindAsync(subscriptionId, cancellationToken);
        }

        public Task SaveAsync(CalendarSubscription subscription, CancellationToken cancellationToken) => Inner.SaveAsync(subscription, cancellationToken);

        public Task DeleteAsync(string subscriptionId, CancellationToken cancellationToken) => Inner.DeleteAsync(subscriptionId, cancellationToken);
    }
}
