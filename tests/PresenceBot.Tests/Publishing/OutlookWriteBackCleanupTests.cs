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
        await MeetingWrittenAsync(app);

        await StopWriteBackAsync(settings, change);

        await Eventually.TrueAsync(
            async () =>
            {
                app.Clock.Advance(TimeSpan.FromSeconds(1));
                return Ours(graph).Count == 0 && await CountAsync(app, "publish_written_events") == 0
                    && await CountAsync(app, "work_items", "\"Kind\" = 'outlook-cleanup'") == 0;
            },
            "the event deleted and forgotten, the clean-up done");
        Assert.Equal(1, Writes(graph, "DELETE"));
        if (change != "left")
        {
            Assert.Equal("referred", (string?)(await client.GetJsonAsync($"/api/referrals/{KimUpn}")).Body!["state"]);
        }
    }

    [Fact]
    public async Task An_event_the_person_changes_as_we_delete_it_is_left_to_them_and_ends_the_manual_referral()
    {
        var settings = Settings("calendar");
        settings["Organisation:ReloadSeconds"] = "1";
        await using var app = new PresenceBotApplication(
            settings, services: services => DelegatingEventWriter.Replace(services, (sp, real) => new EditingBeforeFirstChangeWriter(real, EditingBeforeFirstChangeWriter.MovingEndTo16(sp))));
        using var client = app.CreateClient();
        var graph = Graph(app);
        var written = await MeetingWrittenAsync(app);

        await StopWriteBackAsync(settings, "writeBack none");

        var status = await Eventually.ValueAsync(
            async () =>
            {
                app.Clock.Advance(TimeSpan.FromSeconds(1));
                return (await client.GetJsonAsync($"/api/referrals/{KimUpn}")).Body!;
            },
            s => (string?)s["source"] == "calendar",
            "their booking in force");
        Assert.Equal("2026-11-23T16:00:00+01:00", (string?)status["returnsAt"]);
        var kept = Assert.Single(Ours(graph));
        Assert.Equal(written.Id, kept.Id);
        Assert.StartsWith("2026-11-23T16:00:00", kept.End.DateTime, StringComparison.Ordinal);
        Assert.Equal(1, Writes(graph, "DELETE"));
        Assert.Equal(1, await CountAsync(app, "publish_written_events", "State = 'Released'"));
    }

    /// <summary>Edits the organisation file so that Kim is no longer written back to, in the way <paramref name="change"/> says.</summary>
    private static async Task StopWriteBackAsync(Dictionary<string, string?> settings, string change)
    {
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
    }
}
