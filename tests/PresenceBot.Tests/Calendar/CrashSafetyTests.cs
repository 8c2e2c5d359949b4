using Microsoft.Extensions.Time.Testing;
using PresenceBot.GraphStandIn;
using static PresenceBot.Tests.Calendar.CalendarTestHost;

namespace PresenceBot.Tests.Calendar;

/// <summary>
/// Issue 3 "done means": a notification answered 202 is processed even when the host stops right after
/// answering and a new host starts on the same database. Graph outlives our process, so the test runs its own
/// stand-in (Graph:BaseUrl) that both hosts use, like the real one.
/// </summary>
public sealed class CrashSafetyTests
{
    [Fact]
    public async Task A_notification_accepted_by_a_host_that_then_stops_is_processed_by_the_next_host_at_start()
    {
        var folder = Directory.CreateTempSubdirectory("presencebot-crash-").FullName;
        await using var graph = await GraphStandInServer.StartAsync(
            new GraphStandInOptions { Port = 0, TimeProvider = new FakeTimeProvider(PresenceBotApplication.MondayMorning) }, CancellationToken.None);
        try
        {
            // First host: answers Graph and records the re-read in the work queue, but never works it off (no worker).
            await using (var first = await StartAsync(folder: folder, runServer: false, graph: graph))
            {
                await first.BookAsync(Kim, Draft("SAM: Före kraschen", "2026-11-23T08:00:00", "2026-11-23T14:00:00"));
                using var timeout = new CancellationTokenSource(Eventually.Timeout);
                await graph.WhenNotificationsSettledAsync(timeout.Token);
                Assert.Equal(0, graph.Stats.NotificationsFailed);
                Assert.Equal(1, await first.CountAsync("work_items", $"Kind = 'calendar-reread' AND Key = '{Kim}'"));
                Assert.Equal("available", (string?)(await first.StatusAsync(Kim))["state"]);
            }

            await using var second = await StartAsync(folder: folder, graph: graph);

            var status = await second.StatusWhenAsync(Kim, s => (string?)s["state"] == "referred", "the pending notification processed after the restart");
            Assert.Equal("2026-11-23T14:00:00+01:00", (string?)status["returnsAt"]);
            await Eventually.TrueAsync(async () => await second.CountAsync("work_items", "Kind LIKE 'calendar-%'") == 0, "the queued re-read done");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task After_a_restart_on_the_built_in_stand_in_bookings_are_referred_again()
    {
        // `dotnet run` twice on the embedded defaults: the database keeps the subscriptions, the new in-memory
        // stand-in knows none of them.
        var folder = Directory.CreateTempSubdirectory("presencebot-standin-restart-").FullName;
        try
        {
            await using (await StartAsync(folder: folder))
            {
            }

            await using var second = await StartAsync(folder: folder);
            await Eventually.TrueAsync(
                () => Task.FromResult(second.Graph.Subscriptions.Count == second.CoupledPeople.Count), "the new stand-in has every subscription");

            await second.BookAsync(Kim, Draft("SAM: Efter omstart", "2026-11-23T08:00:00", "2026-11-23T10:20:00"));

            await second.StatusWhenAsync(Kim, s => (string?)s["returnsAt"] == "2026-11-23T10:20:00+01:00", "the booking referred");
            Assert.Equal(second.CoupledPeople.Count, await second.CountAsync("graph_subscriptions"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
