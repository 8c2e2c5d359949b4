using PresenceBot.GraphStandIn.Calendars;
using PresenceBot.Tests.Calendar;
using static PresenceBot.Tests.ApiClient;
using static PresenceBot.Tests.Calendar.CalendarTestHost;

namespace PresenceBot.Tests.Publishing;

/// <summary>
/// Issue 12, "Done means", privacy: no published payload, calendar event or status message ever contains sick, a note
/// or anything from a private booking. A mix of referrals goes through every publisher, then everything the loopback
/// receivers and the Graph stand-in got is scanned (<see cref="OutboundWrites"/>).
/// </summary>
public sealed class PublishingPrivacyTests
{
    private const string Secret = "a-receiver-secret-of-32-characters!";
    private const string Erik = "c40d311e-3092-4a75-929b-6fd012fc4838";
    private const string Maria = "8539ba29-ddfc-457a-8979-04922f2ad79e";
    private const string Jonas = "ad3bae2e-c6a7-4ad2-a60b-49076936cb99";

    [Fact]
    public async Task Nothing_sick_no_note_and_nothing_of_a_booking_reaches_any_destination()
    {
        var marker = "Hemlig" + Guid.NewGuid().ToString("N")[..12];
        CalendarTestHost? host = null;
        Func<DateTimeOffset> now = () => host?.App.Clock.GetUtcNow() ?? PresenceBotApplication.MondayMorning;
        await using var vaxeln = await SigningReceiver.StartAsync(Secret, now);
        // The second receiver has a secret of its own and verifies with it.
        await using var intranat = await SigningReceiver.StartAsync(Secret + "-2", now);
        // Every publisher there is: two webhooks, the Teams status message and Outlook write-back (the organisation file).
        host = await StartAsync(new Dictionary<string, string?>(WriteBackHost.Settings("calendar"))
        {
            ["Publish:Webhooks:0:Name"] = "vaxeln",
            ["Publish:Webhooks:0:Url"] = vaxeln.Url,
            ["Publish:Webhooks:0:Secret"] = Secret,
            ["Publish:Webhooks:1:Name"] = "intranat",
            ["Publish:Webhooks:1:Url"] = intranat.Url,
            ["Publish:Webhooks:1:Secret"] = Secret + "-2",
            ["Publish:TeamsStatusMessage"] = "true",
        });
        await using var _ = host;

        // Sick with a note, then a meeting with a note (switchboard API).
        await host.Client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "sick", until = "2026-11-24T08:00", note = $"Sjukskriven, magsjuka {marker}-kim-sick" });
        await host.Client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "meeting", until = "2026-11-23T15:00", note = $"Lönesamtal {marker}-kim-note" });
        // Sick until tomorrow, with a note, and left in force.
        await host.Client.PutJsonAsync("/api/referrals/sara.nordin@lycksele.se/manual", new { reason = "sick", until = "2026-11-24T08:00", note = $"Feber {marker}-sara-note" });
        // Private bookings that say too much, one of them in the category that makes sick leave.
        await host.BookAsync(Erik, Draft($"Sjukgymnastik {marker}-erik-subject", "2026-11-23T08:30:00", "2026-11-23T11:00:00") with
        {
            Sensitivity = "private",
            Location = new Location($"Vårdcentralen {marker}-erik-location"),
            Body = new ItemBody("text", $"Ryggen {marker}-erik-body"),
        });
        await host.BookAsync(Maria, Draft($"Sjukskriven {marker}-maria-subject", "2026-11-23T00:00:00", "2026-11-25T00:00:00", showAs: "oof") with
        {
            Sensitivity = "private",
            Categories = ["Sjuk"],
            Body = new ItemBody("text", $"Ingrepp {marker}-maria-body"),
        });
        // Not private: rule 5 still keeps only the reason of any booking.
        await host.BookAsync(Jonas, Draft($"MÖT: Förhandling {marker}-jonas-subject", "2026-11-23T08:30:00", "2026-11-23T12:00:00") with
        {
            Location = new Location($"Rum 3 {marker}-jonas-location"),
        });

        var expected = new Dictionary<string, Func<System.Text.Json.Nodes.JsonNode, bool>>
        {
            [KimId] = s => (string?)s["reason"] == "meeting",
            [Sara] = s => (string?)s["reason"] == "away",
            [Erik] = s => (string?)s["state"] == "referred",
            [Maria] = s => (string?)s["reason"] == "away",
            [Jonas] = s => (string?)s["state"] == "referred",
        };
        foreach (var receiver in new[] { vaxeln, intranat })
        {
            await Eventually.TrueAsync(
                () => Task.FromResult(expected.All(e => receiver.Accepted.LastOrDefault(a => (string?)a["person"]!["id"] == e.Key) is { } last && e.Value(last))),
                "every person's latest state at the receiver");
        }

        await Eventually.TrueAsync(
            () => Task.FromResult(expected.Keys.All(id => host.Graph.Presence.Current(id) is { IsCleared: false })),
            "a Teams status message for every referred person");

        // Write-back: Kim's meeting and Sara's sick leave (the two manual referrals in force) are events in Outlook.
        await Eventually.TrueAsync(
            () => Task.FromResult(host.Graph.ReceivedWrites.Count(w => w.Method == "POST" && w.Path.EndsWith("/events", StringComparison.OrdinalIgnoreCase)) >= 2),
            "the manual referrals written back to Outlook");

        var writes = new OutboundWrites().Webhook("vaxeln", vaxeln).Webhook("intranat", intranat).Graph(host.Graph);
        Assert.Contains(writes.All(), w => w.Text.Contains("FRÅ: Frånvarande", StringComparison.Ordinal));
        var counts = writes.Counts();
        Assert.True(counts["webhook vaxeln"] >= expected.Count, $"the scan saw the webhook bodies ({counts["webhook vaxeln"]})");
        Assert.True(counts["teams status messages"] >= expected.Count, $"the scan saw the status messages ({counts["teams status messages"]})");
        Assert.Contains(writes.All(), w => w.Text.Contains("frånvarande", StringComparison.Ordinal) && w.Destination == "webhook intranat");
        Assert.Contains(writes.All(), w => w.Text.Contains("setStatusMessage", StringComparison.Ordinal) && w.Text.Contains("frånvarande", StringComparison.Ordinal));
        Assert.Empty(PrivacyScan.Leaks(writes.All(), [marker, "Lönesamtal", "Feber", "Vårdcentralen", "Förhandling", "Ingrepp", "Ryggen"]));
    }
}
