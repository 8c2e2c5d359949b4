using PresenceBot.CalendarSync.WriteBack;
using PresenceBot.GraphStandIn;
using PresenceBot.GraphStandIn.Calendars;
using PresenceBot.GraphStandIn.Faults;
using PresenceBot.Tests.Bot.Conversation;
using PresenceBot.Tests.Calendar;
using static PresenceBot.Tests.ApiClient;
using static PresenceBot.Tests.Publishing.WriteBackHost;

namespace PresenceBot.Tests.Publishing;

/// <summary>
/// Issue 12 §3: a manual referral of someone whose municipality has write-back becomes a marked private event in their
/// Outlook calendar (for switchboards that read calendars), kept in step with the referral; the calendar sync knows its
/// own events, and one the person edits or deletes in Outlook is theirs, like any booking. Monday 2026-11-23 09:00.
/// </summary>
public sealed class OutlookWriteBackTests
{
    [Fact]
    public async Task A_meeting_said_in_Teams_is_a_SAM_event_that_tillbaka_ends_and_the_calendar_makes_no_second_referral()
    {
        await using var bot = await ConversationHarness.StartAsync(Settings("calendar"));
        var app = bot.Bot.App;
        var graph = Graph(app);
        await SubscribedAsync(app);

        await bot.SayAsync("/möte till 15:00");
        var written = (await Eventually.ValueAsync(() => Task.FromResult(Ours(graph)), e => e.Count == 1, "the meeting in Outlook"))[0];
        Assert.Equal("SAM: Sammanträde", written.Subject);
        Assert.Equal("busy", written.ShowAs);
        Assert.Equal("private", written.Sensitivity);
        Assert.False(written.IsReminderOn);
        Assert.Empty(written.Attendees);
        Assert.Equal("", written.Body.Content);
        Assert.StartsWith("2026-11-23T14:00:00", written.End.DateTime, StringComparison.Ordinal);
        Assert.NotNull(WriteBackMarker.ReferralIdOf(written.ExtendedProperties.Single().Value));

        await SettledAsync(app);
        Assert.Equal(1, await CountAsync(app, "referrals", $"PersonId = '{KimId}'"));
        var referred = await bot.ReferralAsync();
        Assert.Equal("meeting", (string?)referred["reason"]);
        Assert.Equal("manual", (string?)referred["source"]);

        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await bot.SayAsync("/tillbaka");
        var ended = (await Eventually.ValueAsync(() => Task.FromResult(Ours(graph)), e => e.Single().End.DateTime.StartsWith("2026-11-23T08:30:00", StringComparison.Ordinal), "ended at the return"))[0];
        Assert.Equal(written.Id, ended.Id);
        await SettledAsync(app);
        Assert.Equal("available", (string?)(await bot.ReferralAsync())["state"]);
        Assert.Equal(0, await CountAsync(app, "referrals", $"PersonId = '{KimId}' AND Source = 'Calendar'"));
        Assert.Equal(1, Writes(graph, "POST"));
        Assert.Equal(1, Writes(graph, "PATCH"));
    }

    [Fact]
    public async Task Deleting_our_event_in_Outlook_ends_the_referral_and_it_is_not_written_again()
    {
        var (app, written) = await MeetingWrittenAsync();
        await using var disposeApp = app;
        using var client = app.CreateClient();
        var graph = Graph(app);

        Assert.True(await graph.Calendars.DeleteEventAsync(KimId, written.Id, CancellationToken.None));

        await Eventually.ValueAsync(async () => (await client.GetJsonAsync($"/api/referrals/{KimUpn}")).Body!, s => (string?)s["state"] == "available", "the referral ended");
        await SettledAsync(app);
        Assert.Empty(Ours(graph));
        Assert.Equal(1, Writes(graph, "POST"));
        Assert.Equal(0, Writes(graph, "DELETE"));
        Assert.Equal(0, await CountAsync(app, "referrals", $"PersonId = '{KimId}' AND Source = 'Calendar'"));
    }

    [Fact]
    public async Task Our_event_moved_in_Outlook_is_read_like_a_booking_and_the_manual_referral_gives_way()
    {
        var (app, written) = await MeetingWrittenAsync();
        await using var disposeApp = app;
        using var client = app.CreateClient();
        var graph = Graph(app);

        await graph.Calendars.UpdateEventAsync(KimId, written.Id, new EventDraft { End = new DateTimeTimeZone("2026-11-23T16:00:00", CalendarTestHost.Zone) }, CancellationToken.None);

        var status = await Eventually.ValueAsync(
            async () => (await client.GetJsonAsync($"/api/referrals/{KimUpn}")).Body!, s => (string?)s["source"] == "calendar", "the booking in force");
        Assert.Equal("2026-11-23T16:00:00+01:00", (string?)status["returnsAt"]);
        Assert.Equal("meeting", (string?)status["reason"]);
        await SettledAsync(app);
        Assert.Equal(0, Writes(graph, "PATCH"));
        Assert.StartsWith("2026-11-23T16:00:00", Ours(graph).Single().End.DateTime, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(app, "referrals", $"PersonId = '{KimId}' AND Source = 'Calendar'"));
    }

    [Fact]
    public async Task Sick_leave_is_written_as_FRA_with_nothing_that_says_sick_or_the_note()
    {
        await using var app = new PresenceBotApplication(Settings("calendar"));
        using var client = app.CreateClient();
        var graph = Graph(app);
        var note = "Influensa" + Guid.NewGuid().ToString("N");

        await client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "sick", until = "2026-11-24T08:00", note });

        var written = (await Eventually.ValueAsync(() => Task.FromResult(Ours(graph)), e => e.Count == 1, "the sick leave in Outlook"))[0];
        Assert.Equal("FRÅ: Frånvarande", written.Subject);
        Assert.Equal("busy", written.ShowAs);
        // The event writes (a subscription's random clientState could spell "sjk" by chance: measured, it did).
        var eventWrites = graph.ReceivedWrites.Where(w => w.Path.Contains("/events", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(eventWrites);
        foreach (var write in eventWrites)
        {
            Assert.DoesNotContain("sjuk", write.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("sick", write.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SJK", write.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(note, write.Body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("none", null)]
    [InlineData("calendar", "off")]
    public async Task Nothing_is_written_without_write_back_or_with_coupling_off(string writeBack, string? kimCoupling)
    {
        await using var app = new PresenceBotApplication(Settings(writeBack, kimCoupling));
        using var client = app.CreateClient();

        await client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "meeting", until = "2026-11-23T15:00" });
        await Eventually.TrueAsync(async () => await CountAsync(app, "work_items", "\"Kind\" IN ('referral-changed', 'publish:outlook')") == 0, "the change handed on");

        Assert.Equal("referred", (string?)(await client.GetJsonAsync($"/api/referrals/{KimUpn}")).Body!["state"]);
        Assert.Equal(0, Writes(Graph(app), "POST"));
        Assert.Empty(Ours(Graph(app)));
        Assert.Equal(0, await CountAsync(app, "publish_written_events"));
    }

    [Fact]
    public async Task Graph_unavailable_and_a_lost_answer_still_make_one_event_and_no_calendar_referral()
    {
        await using var app = new PresenceBotApplication(
            Settings("calendar"), services: services => DelegatingEventWriter.Replace(services, (_, real) => new LosingFirstCreateWriter(real)));
        using var client = app.CreateClient();
        var graph = Graph(app);
        await SubscribedAsync(app);
        // More 503s than the Graph client's own retries: the queue retries the delivery later.
        graph.Faults.Add(new FaultRule { Status = 503, RetryAfterSeconds = 0, Count = 5, PathPrefix = $"/users/{KimId}/events" });

        await client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "meeting", until = "2026-11-23T15:00" });
        await Eventually.TrueAsync(
            async () =>
            {
                app.Clock.Advance(TimeSpan.FromSeconds(5));
                return await CountAsync(app, "publish_written_events", "EventId IS NOT NULL AND Pending IS NULL AND Written IS NOT NULL") == 1;
            },
            "the event written and recorded after the failures");
        // A re-read that met one of the 503s waits for its back-off: let the clock bring it due.
        await SettledAsync(app, advancing: TimeSpan.FromSeconds(5));

        Assert.Single(Ours(graph));
        Assert.True(Writes(graph, "POST") >= 2, $"{Writes(graph, "POST")} creates tried");
        Assert.Equal(0, await CountAsync(app, "referrals", $"PersonId = '{KimId}' AND Source = 'Calendar'"));
        Assert.Equal("switchboard", (string?)(await client.GetJsonAsync($"/api/referrals/{KimUpn}")).Body!["source"]);
    }

    [Fact]
    public async Task The_notification_of_our_own_change_costs_no_calendar_read_and_one_of_another_version_does()
    {
        var (app, written) = await MeetingWrittenAsync();
        await using var disposeApp = app;
        using var client = app.CreateClient();
        var graph = Graph(app);
        var subscription = graph.Subscriptions.Single(s => string.Equals(s.EventsUser(), KimId, StringComparison.OrdinalIgnoreCase));
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await client.DeleteJsonAsync($"/api/referrals/{KimUpn}/manual");
        var moved = (await Eventually.ValueAsync(
            () => Task.FromResult(Ours(graph)), e => e.Count == 1 && e[0].End.DateTime.StartsWith("2026-11-23T08:30:00", StringComparison.Ordinal), "the event ended at the return"))[0];
        await SettledAsync(app);
        var reads = CalendarReads(graph);

        // Graph's notification of the version our change left, as the stand-in words it. Sent again here: the stand-in's
        // own may have come before Graph's answer to the change did, and then it was rightly read.
        await NotifyAsync(client, CalendarTestHost.Notification(subscription.Id, subscription.ClientState!, KimId, "updated", moved.Id, $"W/\"{moved.ChangeKey}\""));
        await SettledAsync(app);
        Assert.Equal(reads, CalendarReads(graph));

        // A version we did not write (the person's edit, as Graph would tell it) is read.
        await NotifyAsync(client, CalendarTestHost.Notification(subscription.Id, subscription.ClientState!, KimId, "updated", written.Id, "W/\"their-edit\""));
        await SettledAsync(app);
        Assert.Equal(reads + 1, CalendarReads(graph));
    }

    private static long CalendarReads(GraphStandInServer graph) => graph.Stats.RequestsByKind.GetValueOrDefault("calendarViewDelta");

    private static async Task NotifyAsync(HttpClient client, string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/graph/notifications", UriKind.Relative), content);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>A host with write-back whose switchboard API set Kim's meeting until 15.00, written and re-read.</summary>
    private static async Task<(PresenceBotApplication App, StandInEvent Written)> MeetingWrittenAsync()
    {
        var app = new PresenceBotApplication(Settings("calendar"));
        return (app, await WriteBackHost.MeetingWrittenAsync(app));
    }
}
