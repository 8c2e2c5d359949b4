using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PresenceBot.CalendarSync.Notifications;
using PresenceBot.Storage;
using static PresenceBot.Tests.Calendar.CalendarTestHost;

namespace PresenceBot.Tests.Calendar;

/// <summary>Issue 3 §4: 5xx exactly when a notification could not be recorded, so Graph sends it again.</summary>
public sealed class InboxFailureTests
{
    [Fact]
    public async Task A_notification_that_could_not_be_recorded_is_answered_503_and_Graphs_retry_gets_it_through()
    {
        var inbox = new FlakyInbox();
        await using var host = await StartAsync(services: services =>
        {
            services.RemoveAll<INotificationInbox>();
            services.AddSingleton<INotificationInbox>(sp =>
            {
                inbox.Inner = new EfNotificationInbox(sp.GetRequiredService<IDbContextFactory<PresenceBotDbContext>>());
                return inbox;
            });
        });
        var (id, clientState, _) = await host.SubscriptionOfAsync(Kim);

        inbox.FailuresLeft = 1;
        using (var response = await host.PostWebhookAsync("/api/graph/notifications", Notification(id, clientState, Kim, "created", "AAMk-lost")))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }

        // The stand-in, like Graph, retries a non-2xx delivery with backoff until it is recorded.
        inbox.FailuresLeft = 2;
        await host.BookAsync(Kim, Draft("SAM: Trots allt", "2026-11-23T08:00:00", "2026-11-23T10:15:00"));

        await host.StatusWhenAsync(Kim, s => (string?)s["returnsAt"] == "2026-11-23T10:15:00+01:00", "the retried notification processed");
        await host.SettledAsync();
        Assert.True(host.Graph.Stats.NotificationsRetried >= 2, "the stand-in had to retry");
        Assert.Equal(0, host.Graph.Stats.NotificationsFailed);
        Assert.Equal(0, await host.CountAsync("graph_inbox", "EventId = 'AAMk-lost'"));
        Assert.Contains(host.App.Logs.Lines, l => l.Contains("answering 503 so Graph retries", StringComparison.Ordinal));
    }

    private sealed class FlakyInbox : INotificationInbox
    {
        private int _failuresLeft;

        public INotificationInbox Inner { get; set; } = null!;

        public int FailuresLeft
        {
            set => Volatile.Write(ref _failuresLeft, value);
        }

        public Task AppendAsync(IReadOnlyList<InboxEntry> entries, CancellationToken cancellationToken) =>
            Interlocked.Decrement(ref _failuresLeft) >= 0
                ? throw new IOException("disk full")
                : Inner.AppendAsync(entries, cancellationToken);

        public Task<IReadOnlyList<InboxEntry>> PendingAsync(string personId, NodaTime.Instant upTo, CancellationToken cancellationToken) =>
            Inner.PendingAsync(personId, upTo, cancellationToken);

        public Task MarkProcessedAsync(IReadOnlyCollection<Guid> ids, NodaTime.Instant processedAt, CancellationToken cancellationToken) =>
            Inner.MarkProcessedAsync(ids, processedAt, cancellationToken);

        public Task<IReadOnlyList<string>> PeopleWithPendingAsync(CancellationToken cancellationToken) => Inner.PeopleWithPendingAsync(cancellationToken);
    }
}
