using System.Text.Json.Nodes;
using PresenceBot.Tests.Calendar;
using static PresenceBot.Tests.ApiClient;
using static PresenceBot.Tests.Publishing.WriteBackHost;

namespace PresenceBot.Tests.Publishing;

/// <summary>
/// Issue 12 §3: when the organisation file stops write-back for someone (their coupling off, their municipality's
/// writeBack none, or they left the file), the events we wrote for them that are ours and not over are deleted from
/// their calendar and forgotten, through the work queue. The referral itself is not ours to change. Monday 2026-11-23 09:00.
/// </summary>
public sealed class OutlookWriteBackCleanupTests
{
    [Theory]
    [InlineData("writeBack none")]
    [InlineData("coupling off")]
    [InlineData("left")]
    public async Task Our_coming_event_is_deleted_and_forgotten_when_the_file_stops_write_back(string change)
    {
        var settings = Settings("calendar");
        settings["Organisation:ReloadSeconds"] = "1";
        await using var app = new PresenceBotApplication(settings);
        using var client = app.CreateClient();
        var graph = Graph(app);
        await client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "meeting", until = "2026-11-23T15:00" });
        await Eventually.ValueAsync(() => Task.FromResult(Ours(graph)), e => e.Count == 1, "the meeting in Outlook");
        await SettledAsync(app);

        var file = settings["Organisation:File"]!;
        var organisation = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        var people = organisation["people"]!.AsArray();
        var kim = people.Single(p => (string?)p!["id"] == KimId)!;
        switch (change)
        {
            case "writeBack none":
                foreach (var municipality in organisation["municipalities"]!.AsArray())
                {
                    municipality!["writeBack"] = "none";
                }

                break;
            case "coupling off":
                kim["calendarCoupling"] = "off";
                break;
            default:
                people.Remove(kim);
                break;
        }

        await File.WriteAllTextAsync(file, organisation.ToJsonString());

        await Eventually.TrueAsync(
            async () =>
            {
                app.Clock.Advance(TimeSpan.FromSeconds(1));
                return Ours(graph).Count == 0 && await CountAsync(app, "publish_written_events") == 0;
            },
            "the event deleted and forgotten");
        Assert.Equal(1, Writes(graph, "DELETE"));
        Assert.Equal(0, await CountAsync(app, "work_items", "\"Kind\" = 'outlook-cleanup'"));
        if (change != "left")
        {
            Assert.Equal("referred", (string?)(await client.GetJsonAsync($"/api/referrals/{KimUpn}")).Body!["state"]);
        }
    }
}
