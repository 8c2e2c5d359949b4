using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PresenceBot.CalendarSync.WriteBack;
using PresenceBot.Tests.Calendar;
using static PresenceBot.Tests.ApiClient;
using static PresenceBot.Tests.Publishing.WriteBackHost;

namespace PresenceBot.Tests.Publishing;

/// <summary>
/// Issue 12 §3, what keeps write-back from doing harm: a change names the version of the event we wrote (If-Match with
/// its change key), so an edit the person made meanwhile is never overwritten; a create carries a transaction id, so a
/// repeat is one event; and the outlook destination has a publish lag like the others. Monday 2026-11-23 09:00.
/// </summary>
public sealed class OutlookWriteBackGuardTests
{
    [Fact]
    public async Task An_edit_in_Outlook_just_before_our_change_is_kept_and_read_like_a_booking()
    {
        await using var app = new PresenceBotApplication(
            Settings("calendar"),
            services: services => DelegatingEventWriter.Replace(services, (sp, real) => new EditingBeforeFirstChangeWriter(real, EditingBeforeFirstChangeWriter.MovingEndTo16(sp))));
        using var client = app.CreateClient();
        var graph = Graph(app);
        var written = await MeetingWrittenAsync(app);

        // The return would shorten our event to 09:30; the person moved its end to 16:00 a moment before.
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await client.DeleteJsonAsync($"/api/referrals/{KimUpn}/manual");

        var status = await Eventually.ValueAsync(
            async () => (await client.GetJsonAsync($"/api/referrals/{KimUpn}")).Body!, s => (string?)s["source"] == "calendar", "their booking in force");
        Assert.Equal("2026-11-23T16:00:00+01:00", (string?)status["returnsAt"]);
        await SettledAsync(app);
        var kept = Assert.Single(Ours(graph));
        Assert.Equal(written.Id, kept.Id);
        Assert.StartsWith("2026-11-23T16:00:00", kept.End.DateTime, StringComparison.Ordinal);
        Assert.Equal(1, Writes(graph, "PATCH"));
        Assert.Equal(1, await CountAsync(app, "publish_written_events", "State = 'Released'"));
        Assert.Equal(1, await CountAsync(app, "referrals", $"PersonId = '{KimId}' AND Source = 'Calendar'"));
    }

    [Fact]
    public async Task Our_change_of_the_event_is_remembered_as_ours_but_neither_its_create_nor_the_persons_edit()
    {
        await using var app = new PresenceBotApplication(Settings("calendar"));
        var writer = app.Services.GetRequiredService<IOutlookEventWriter>();
        var echoes = app.Services.GetRequiredService<OwnWriteEchoes>();
        var meeting = new WriteBackEvent(
            Guid.NewGuid(), "SAM: Sammanträde", NodaTime.Instant.FromUtc(2026, 11, 23, 8, 0), NodaTime.Instant.FromUtc(2026, 11, 23, 14, 0), "busy");

        // The create's notification is read: the calendar's delta must see the event before it can tell its deletion.
        var created = await writer.CreateAsync(KimId, meeting, "presencebot-test-1", CancellationToken.None);
        Assert.False(echoes.IsEcho("created", created.Id, $"W/\"{created.ChangeKey}\""));

        var moved = await writer.UpdateAsync(KimId, created.Id, created.ChangeKey!, meeting with { End = NodaTime.Instant.FromUtc(2026, 11, 23, 15, 0) }, CancellationToken.None);
        Assert.Equal(EventWriteOutcome.Done, moved.Outcome);
        Assert.True(echoes.IsEcho("updated", created.Id, $"W/\"{moved.ChangeKey}\""), "our move is ours");

        await EditingBeforeFirstChangeWriter.MovingEndTo16(app.Services)(KimId, created.Id);
        var theirs = await writer.ReadAsync(KimId, created.Id, CancellationToken.None);
        Assert.False(echoes.IsEcho("updated", created.Id, $"W/\"{theirs!.ChangeKey}\""), "their edit is read");

        Assert.Equal(EventWriteOutcome.Done, await writer.DeleteAsync(KimId, created.Id, theirs.ChangeKey!, CancellationToken.None));
        Assert.True(echoes.IsEcho("deleted", created.Id, null), "our deletion is ours");
    }

    [Fact]
    public async Task A_create_sent_twice_is_one_event_through_its_transaction_id()
    {
        await using var app = new PresenceBotApplication(
            Settings("calendar"), services: services => DelegatingEventWriter.Replace(services, (_, real) => new RepeatingCreateWriter(real)));
        using var client = app.CreateClient();
        var graph = Graph(app);
        await SubscribedAsync(app);

        await client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "meeting", until = "2026-11-23T15:00" });
        await Eventually.TrueAsync(
            async () => await CountAsync(app, "publish_written_events", "EventId IS NOT NULL AND Pending IS NULL") == 1, "the event written and recorded");
        await SettledAsync(app);

        var only = Assert.Single(Ours(graph));
        Assert.Equal(2, Writes(graph, "POST"));
        var referralId = WriteBackMarker.ReferralIdOf(only.ExtendedProperties.Single().Value)!.Value;
        Assert.StartsWith($"presencebot-{referralId:N}-", only.TransactionId, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(app, "publish_written_events", $"EventId = '{only.Id}' AND TransactionId = '{only.TransactionId}'"));
        Assert.Equal(0, await CountAsync(app, "referrals", $"PersonId = '{KimId}' AND Source = 'Calendar'"));
    }

    [Fact]
    public async Task Writing_to_Outlook_records_its_publish_lag_from_the_write_asked_for_to_the_write_taken()
    {
        var lags = new ConcurrentBag<(object? Scope, double Lag)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "PresenceBot.Publishing" && instrument.Name == "presencebot.publish.lag")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "destination" && (string?)tag.Value == "outlook")
                {
                    lags.Add((instrument.Meter.Scope, value));
                }
            }
        });
        listener.Start();
        await using var app = new PresenceBotApplication(
            Settings("calendar"), services: services => DelegatingEventWriter.Replace(services, (_, real) => new FailingFirstCreateWriter(real)));
        using var client = app.CreateClient();
        var ours = app.Services.GetRequiredService<IMeterFactory>();
        var writer = (FailingFirstCreateWriter)app.Services.GetRequiredService<IOutlookEventWriter>();
        await SubscribedAsync(app);

        // Asked for at 09:00; the create fails, and its retry (due within the longest back-off) is taken 20 minutes on.
        await client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = "meeting", until = "2026-11-23T15:00" });
        await Eventually.TrueAsync(() => Task.FromResult(writer.Failed), "the first create failed");
        // Its back-off is reckoned from when the queue records the failure, just after the throw: the clock moves only then,
        // or the retry would be due 20 minutes after a clock that no longer moves.
        await Eventually.TrueAsync(async () => await CountAsync(app, "work_items", "LastError IS NOT NULL") > 0, "the failed create backing off");
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        await Eventually.TrueAsync(() => Task.FromResult(lags.Any(l => ReferenceEquals(l.Scope, ours))), "the lag of the create recorded");

        var lag = Assert.Single(lags, l => ReferenceEquals(l.Scope, ours)).Lag;
        Assert.Equal(TimeSpan.FromMinutes(20).TotalSeconds, lag, precision: 3);
    }
}
