using Microsoft.Data.Sqlite;
using NodaTime;
using PresenceBot.Tests.Calendar;
using PresenceBot.Tests.Publishing;
using static PresenceBot.Tests.ApiClient;

namespace PresenceBot.Tests.Outbox;

/// <summary>
/// An upgrade over a queue the previous version wrote: it queued each change as a <c>referral-changed</c> item and
/// published from that item's delivery, with no publish items of its own. Such a change must still be published.
/// </summary>
public sealed class EarlierVersionChangeTests
{
    private const string Secret = "a-receiver-secret-of-32-characters!";

    [Fact]
    public async Task A_change_the_previous_version_left_queued_is_published_after_the_upgrade()
    {
        var folder = Directory.CreateTempSubdirectory("presencebot-upgrade-").FullName;
        PresenceBotApplication? app = null;
        await using var receiver = await SigningReceiver.StartAsync(Secret, () => app!.Clock.GetUtcNow());
        try
        {
            // The change itself, on a version with no destinations: nothing is published and nothing is left queued to publish.
            await using (var before = new PresenceBotApplication(folder: folder))
            {
                await before.CreateClient().PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "vacation", until = "2026-11-30T08:00" });
            }

            QueueAsThePreviousVersionDid(Path.Combine(folder, "presencebot.db"), KimId);

            app = new PresenceBotApplication(
                new Dictionary<string, string?>
                {
                    ["Publish:Webhooks:0:Name"] = "vaxeln",
                    ["Publish:Webhooks:0:Url"] = receiver.Url,
                    ["Publish:Webhooks:0:Secret"] = Secret,
                },
                folder: folder);
            _ = app.CreateClient();

            var accepted = await Eventually.ValueAsync(() => Task.FromResult(receiver.Accepted), a => a.Count >= 1, "the queued change, published");
            Assert.Equal(KimId, (string?)accepted[0]["person"]!["id"]);
            Assert.Equal("referred", (string?)accepted[0]["state"]);
            Assert.Equal("vacation", (string?)accepted[0]["reason"]);
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The item exactly as the previous version stored it: its payload had no other fields.</summary>
    private static void QueueAsThePreviousVersionDid(string databasePath, string personId)
    {
        var now = Instant.FromDateTimeOffset(PresenceBotApplication.MondayMorning).ToUnixTimeTicks();
        var eventId = Guid.NewGuid();
        var payload = $$"""{"EventId":"{{eventId}}","PersonId":"{{personId}}","OccurredAt":"2026-11-23T08:00:00Z","Source":"Switchboard","Actor":"vaxel@lycksele.se","Action":"set"}""";
        using var connection = new SqliteConnection($"Data Source={databasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO work_items ("Kind", "Key", "Payload", "DueAt", "Generation", "Attempts", "CreatedAt")
            VALUES ('referral-changed', $key, $payload, $now, 0, 0, $now)
            """;
        command.Parameters.AddWithValue("$key", eventId.ToString());
        command.Parameters.AddWithValue("$payload", payload);
        command.Parameters.AddWithValue("$now", now);
        command.ExecuteNonQuery();
    }
}
