using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PresenceBot.Calendar;
using PresenceBot.CalendarSync.Processing;
using static PresenceBot.Tests.Calendar.CalendarTestHost;

namespace PresenceBot.Tests.Calendar;

/// <summary>Issue 3 §4: 5xx exactly when a notification could not be recorded, so Graph sends it again.</summary>
public sealed class WorkQueueFailureTests
{
    [Fact]
    public async Task A_notification_that_could_not_be_recorded_is_answered_503_and_Graphs_retry_gets_it_through()
    {
        var queue = new FlakyQueue();
        await using var host = await StartAsync(services: services =>
        {
            services.RemoveAll<ICalendarWorkQueue>();
            services.AddSingleton<ICalendarWorkQueue>(sp =>
            {
                queue.Inner = ActivatorUtilities.CreateInstance<QueuedCalendarWork>(sp);
                return queue;
            });
        });
        var (id, clientState, _) = await host.SubscriptionOfAsync(Kim);

        queue.FailuresLeft = 1;
        using (var response = await host.PostWebhookAsync("/api/graph/notifications", Notification(id, clientState, Kim, "created", "AAMk-lost")))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }

        // The stand-in, like Graph, retries a non-2xx delivery with backoff until it is recorded.
        queue.FailuresLeft = 2;
        await host.BookAsync(Kim, Draft("SAM: Trots allt", "2026-11-23T08:00:00", "2026-11-23T10:15:00"));

        await host.StatusWhenAsync(Kim, s => (string?)s["returnsAt"] == "2026-11-23T10:15:00+01:00", "the retried notification processed");
        await host.SettledAsync();
        Assert.True(host.Graph.Stats.NotificationsRetried >= 2, "the stand-in had to retry");
        Assert.Equal(0, host.Graph.Stats.NotificationsFailed);
        Assert.Contains(host.App.Logs.Lines, l => l.Contains("answering 503 so Graph retries", StringComparison.Ordinal));
    }

    private sealed class FlakyQueue : ICalendarWorkQueue
    {
        private int _failuresLeft;

        public ICalendarWorkQueue Inner { get; set; } = null!;

        public int FailuresLeft
        {
            set => Volatile.Write(ref _failuresLeft, value);
        }

        public Task RequestAsync(IReadOnlyCollection<CalendarWork> work, CancellationToken cancellationToken) =>
            Interlocked.Decrement(ref _failuresLeft) >= 0
                ? throw new IOException("disk full")
                : Inner.RequestAsync(work, cancellationToken);
    }
}
