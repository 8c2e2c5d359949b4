using System.Net;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using PresenceBot.CalendarSync.Subscriptions;
using PresenceBot.GraphStandIn.Notifications;
using static PresenceBot.Tests.Calendar.CalendarTestHost;

namespace PresenceBot.Tests.Calendar;

/// <summary>Graph's lifecycle events (issue 3 §4): reauthorizationRequired renews, subscriptionRemoved recreates and resyncs, missed resyncs.</summary>
public sealed class LifecycleTests : IAsyncLifetime
{
    private CalendarTestHost _host = null!;

    public async Task InitializeAsync() => _host = await StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ReauthorizationRequired_renews_the_subscription_and_moves_its_expiry()
    {
        var before = await _host.SubscriptionOfAsync(Kim);
        var graphExpiry = Assert.Single(_host.Graph.Subscriptions, s => s.Id == before.Id).ExpirationDateTime;
        _host.App.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(LifecycleOutcome.Sent, _host.Graph.SendLifecycleEvent(before.Id, "reauthorizationRequired"));

        var after = await Eventually.ValueAsync(() => _host.SubscriptionOfAsync(Kim), s => s.ExpiresAt > before.ExpiresAt, "expiry moved in our store");
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(before.ClientState, after.ClientState);
        Assert.Equal(TimeSpan.FromHours(1).Ticks, after.ExpiresAt - before.ExpiresAt);
        Assert.Equal(graphExpiry + TimeSpan.FromHours(1), Assert.Single(_host.Graph.Subscriptions, s => s.Id == before.Id).ExpirationDateTime);
        await _host.SettledAsync();
    }

    [Fact]
    public async Task SubscriptionRemoved_creates_a_new_subscription_and_reads_the_whole_calendar_again()
    {
        var old = await _host.SubscriptionOfAsync(Kim);
        var fullSyncsBefore = FullSyncsOf(Kim);

        // Graph has dropped it: a booking made now reaches no webhook until we subscribe again.
        Assert.Equal(LifecycleOutcome.Sent, _host.Graph.SendLifecycleEvent(old.Id, "subscriptionRemoved"));
        await _host.BookAsync(Kim, Draft("SAM: Under tiden", "2026-11-23T08:00:00", "2026-11-23T10:45:00"));

        var renewed = (await Eventually.ValueAsync(() => _host.FindSubscriptionAsync(Kim), s => s is { } found && found.Id != old.Id, "a new subscription stored"))!.Value;
        Assert.NotEqual(old.ClientState, renewed.ClientState);
        Assert.Contains(_host.Graph.Subscriptions, s => s.Id == renewed.Id && s.Resource.Contains(Kim, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(_host.Graph.Subscriptions, s => s.Id == old.Id);
        await _host.StatusWhenAsync(Kim, s => (string?)s["returnsAt"] == "2026-11-23T10:45:00+01:00", "the booking made meanwhile referred");
        await _host.SettledAsync();
        Assert.True(FullSyncsOf(Kim) > fullSyncsBefore, "a full resync ran");
    }

    [Fact]
    public async Task Missed_reads_the_whole_calendar_so_a_change_whose_notification_was_lost_catches_up()
    {
        var (id, clientState, _) = await _host.SubscriptionOfAsync(Kim);

        // Lose deliveries: Graph forgets the subscription (our store still has it), then the booking changes.
        using (var http = new HttpClient())
        using (var deleted = await http.DeleteAsync(new Uri(_host.Graph.BaseUrl, $"subscriptions/{id}")))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await _host.BookAsync(Kim, Draft("SAM: Tyst", "2026-11-23T08:00:00", "2026-11-23T13:00:00"));
        await _host.SettledAsync();
        Assert.Equal("available", (string?)(await _host.StatusAsync(Kim))["state"]);
        var fullSyncsBefore = FullSyncsOf(Kim);

        using (var response = await _host.PostWebhookAsync("/api/graph/lifecycle", Lifecycle(id, clientState, "missed")))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await _host.StatusWhenAsync(Kim, s => (string?)s["returnsAt"] == "2026-11-23T13:00:00+01:00", "the missed booking referred");
        await _host.SettledAsync();
        Assert.True(FullSyncsOf(Kim) > fullSyncsBefore, "a full resync ran");
    }

    [Fact]
    public async Task ReauthorizationRequired_for_a_subscription_Graph_no_longer_knows_creates_a_new_one()
    {
        var old = await _host.SubscriptionOfAsync(Kim);
        using (var http = new HttpClient())
        using (await http.DeleteAsync(new Uri(_host.Graph.BaseUrl, $"subscriptions/{old.Id}")))
        {
        }

        using (var response = await _host.PostWebhookAsync("/api/graph/lifecycle", Lifecycle(old.Id, old.ClientState, "reauthorizationRequired")))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var renewed = await Eventually.ValueAsync(() => _host.FindSubscriptionAsync(Kim), s => s is { } found && found.Id != old.Id, "a new subscription after the 404");
        Assert.Contains(_host.Graph.Subscriptions, s => s.Id == renewed!.Value.Id);
        await _host.SettledAsync();
    }

    [Fact]
    public async Task The_recurring_job_renews_every_subscription_that_expires_within_twelve_hours()
    {
        var before = await _host.SubscriptionOfAsync(Sara);
        _host.App.Clock.Advance(TimeSpan.FromHours(60)); // 4228 min granted, 628 left: inside RenewBeforeMinutes (720)

        _host.App.Services.GetRequiredService<IRecurringJobManagerV2>().TriggerJob(SubscriptionJobs.RenewJobId);

        var after = await Eventually.ValueAsync(() => _host.SubscriptionOfAsync(Sara), s => s.ExpiresAt > before.ExpiresAt, "Sara's subscription renewed");
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(TimeSpan.FromHours(60).Ticks, after.ExpiresAt - before.ExpiresAt);
        var expiries = _host.Graph.Subscriptions.Select(s => s.ExpirationDateTime).Distinct().ToList();
        await Eventually.TrueAsync(
            () => Task.FromResult(_host.Graph.Subscriptions.All(s => s.ExpirationDateTime > PresenceBotApplication.MondayMorning.AddHours(70.5))),
            $"every subscription renewed at the stand-in (expiries: {string.Join(", ", expiries)})");
    }

    private int FullSyncsOf(string personId) =>
        _host.App.Logs.Lines.Count(l => l.Contains($"Calendar of {personId} synced (full)", StringComparison.Ordinal));
}
