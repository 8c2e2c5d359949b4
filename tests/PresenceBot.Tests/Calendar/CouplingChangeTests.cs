using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PresenceBot.GraphStandIn;
using static PresenceBot.Tests.Calendar.CalendarTestHost;

namespace PresenceBot.Tests.Calendar;

/// <summary>Coupling turned off in the organisation file: at the next start the subscription and the calendar's referrals go.</summary>
public sealed class CouplingChangeTests
{
    [Fact]
    public async Task Turning_coupling_off_removes_the_subscription_and_the_referrals_the_calendar_made()
    {
        var folder = Directory.CreateTempSubdirectory("presencebot-coupling-").FullName;
        await using var graph = await GraphStandInServer.StartAsync(
            new GraphStandInOptions { Port = 0, TimeProvider = new FakeTimeProvider(PresenceBotApplication.MondayMorning) }, CancellationToken.None);
        try
        {
            string kimSubscription;
            await using (var first = await StartAsync(folder: folder, graph: graph))
            {
                await first.BookAsync(Kim, Draft("SAM: Möte", "2026-11-23T08:00:00", "2026-11-23T15:00:00"));
                await first.StatusWhenAsync(Kim, s => (string?)s["state"] == "referred", "Kim referred");
                await first.SettledAsync();
                kimSubscription = (await first.SubscriptionOfAsync(Kim)).Id;
            }

            var organisation = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Organisation", "sample-organisation.json")))!;
            organisation["people"]!.AsArray().Single(p => (string?)p!["id"] == Kim)!["calendarCoupling"] = "off";
            var file = Path.Combine(folder, "organisation-kim-off.json");
            await File.WriteAllTextAsync(file, organisation.ToJsonString());

            await using var second = await StartAsync(new Dictionary<string, string?> { ["Organisation:File"] = file }, folder: folder, graph: graph);

            await second.StatusWhenAsync(Kim, s => (string?)s["state"] == "available", "the calendar's referral removed");
            await second.SettledAsync();
            Assert.Equal(0, await second.CountAsync("graph_subscriptions", $"PersonId = '{Kim}'"));
            Assert.DoesNotContain(graph.Subscriptions, s => s.Id == kimSubscription);
            Assert.Equal(0, await second.CountAsync("referrals", $"PersonId = '{Kim}' AND Source = 'Calendar'"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
