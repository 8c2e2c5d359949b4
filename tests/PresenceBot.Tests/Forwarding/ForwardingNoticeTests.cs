using System.Net;
using System.Text.Json.Nodes;
using NodaTime;
using PresenceBot.Forwarding;
using PresenceBot.TeamsChannel.Tests.Support;
using PresenceBot.Tests.Bot.Conversation;
using PresenceBot.Tests.Calendar;
using PresenceBot.WorkQueue;
using static PresenceBot.Tests.ApiClient;
using static PresenceBot.Tests.Forwarding.TeamHarness;

namespace PresenceBot.Tests.Forwarding;

/// <summary>
/// What forwarding tells people later (issue 14 §2): nothing outside working hours that they did not ask for (rule 11),
/// a forwarding that begins later watched like one in force, and a conflict message that Teams failed to take retried
/// through the work queue and sent once. From Monday 2026-11-23 09:00 Stockholm, on the fake clock.
/// </summary>
public sealed class ForwardingNoticeTests : IAsyncLifetime
{
    private const string Conflict = "kan inte ta alla dina samtal";
    private const string ToSara = "Du är inte nåbar";
    private TeamHarness _team = null!;

    public Task InitializeAsync() => StartAsync();

    public async Task DisposeAsync() => await _team.DisposeAsync();

    [Fact]
    public async Task ColleagueBecomesUnreachable_AfterWorkingHours_BothAreToldWhenWorkingHoursBegin()
    {
        await SaraBookedInTheEveningAsync();

        var before = _team.Bot.Connector.Requests.Count;
        At("2026-11-24T08:00");
        await RunDueNoticesAsync();

        Assert.Contains("Sara Nordin är upptagen 10.00–11.00", (await _team.ReceivedAsync(KimId, before)).Card().Words(), StringComparison.Ordinal);
        Assert.Contains("Du är inte nåbar 10.00–11.00", (await _team.ReceivedAsync(SaraId, before)).Card().Words(), StringComparison.Ordinal);
        Assert.Single(Said(KimId, Conflict));
        Assert.Single(Said(SaraId, ToSara));
    }

    [Fact]
    public async Task PutOffConflict_ForwardingEndedBeforeMorning_IsNotSent()
    {
        await SaraBookedInTheEveningAsync();

        At("2026-11-23T19:00");
        Assert.Contains("Vidarekopplingen är avslutad", (await _team.SayAsync(KimId, "/vidarekoppla av")).Words(), StringComparison.Ordinal);
        At("2026-11-24T08:00");
        await RunDueNoticesAsync();

        await AssertNoConflictToldAsync();
    }

    [Fact]
    public async Task PutOffConflict_ColleagueReachableAgainBeforeMorning_IsNotSent()
    {
        await SaraBookedInTheEveningAsync();

        // The meeting becomes remote work over the same hours: the phone is open, so Sara can take the calls after all.
        await SaraAsync("remote", "2026-11-24T10:00", "2026-11-24T11:00");
        await _team.DrainChangesAsync();
        At("2026-11-24T08:00");
        await RunDueNoticesAsync();

        await AssertNoConflictToldAsync();
    }

    [Fact]
    public async Task ForwardingSetAfterWorkingHours_ColleagueToldWhenWorkingHoursBegin()
    {
        At("2026-11-23T18:00");
        await _team.SayAsync(SaraId, "/status");

        var words = (await _team.SayAsync(KimId, "/vidarekoppla till Sara Nordin till i morgon 15:00")).Words();

        Assert.Contains("Sara Nordin får veta det i Teams när arbetstiden börjar.", words, StringComparison.Ordinal);
        Assert.Single(_team.MessagesTo(SaraId));

        var before = _team.Bot.Connector.Requests.Count;
        At("2026-11-24T08:00");
        await RunDueNoticesAsync();

        var notice = (await _team.ReceivedAsync(SaraId, before)).Card().Words();
        Assert.Contains("Samtal till Kim Krona kopplas till dig till 15.00.", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ColleagueNoticePutOffOvernight_ForwardingEndedBeforeMorning_IsNotSent()
    {
        At("2026-11-23T18:00");
        await _team.SayAsync(SaraId, "/status");
        Assert.Contains("Sara Nordin får veta det i Teams när arbetstiden börjar.",
            (await _team.SayAsync(KimId, "/vidarekoppla till Sara Nordin till i morgon 15:00")).Words(), StringComparison.Ordinal);
        Assert.Equal(1, await _team.Bot.CountAsync("work_items", $"Kind = 'forwarding-notice' AND DueAt = {Ticks("2026-11-24T08:00")}"));

        At("2026-11-23T19:00");
        Assert.Contains("Vidarekopplingen är avslutad", (await _team.SayAsync(KimId, "/vidarekoppla av")).Words(), StringComparison.Ordinal);
        At("2026-11-24T08:00");
        await RunDueNoticesAsync();

        Assert.Equal(0, await NoticesWaitingAsync());
        Assert.Single(_team.MessagesTo(SaraId));
        Assert.Equal(0, await _team.Bot.CountAsync("sent_reminders", "Kind = 'ForwardingNotice'"));
        Assert.Equal(0, await _team.Bot.CountAsync("work_dead_letters"));
    }

    [Fact]
    public async Task ColleagueNoticeTeamsFailedToTake_ThroughTheApi_IsRetried_AndSentOnce()
    {
        await _team.SayAsync(SaraId, "/status");
        var refused = _team.Bot.Connector.Requests.Count + 4;
        _team.Bot.Connector.Answer([.. Enumerable.Range(0, 4).Select(_ => new ConnectorAnswer(503))]);
        var (status, _) = await _team.Api.PutJsonAsync($"/api/referrals/{KimUpn}/manual",
            new { reason = "meeting", until = "2026-11-23T15:00", forwardTo = "sara.nordin@lycksele.se" });
        Assert.Equal(HttpStatusCode.OK, status);
        await DriveClockUntilAsync(() => _team.Bot.Connector.Requests.Count >= refused);
        await Eventually.TrueAsync(
            async () => await _team.Bot.CountAsync("work_items", "Kind = 'forwarding-notice' AND Attempts = 1 AND LeaseUntil IS NULL") == 1,
            "the colleague's notice waiting to be retried");
        Assert.Equal(0, await _team.Bot.CountAsync("sent_reminders", "Kind = 'ForwardingNotice'"));

        _team.Bot.App.Clock.Advance(ForwardingNoticeWork.Notices.FirstRetryDelay);
        await RunDueNoticesAsync();

        Assert.Contains("Samtal till Kim Krona kopplas till dig till 15.00.", (await _team.ReceivedAsync(SaraId, refused)).Card().Words(), StringComparison.Ordinal);
        Assert.Equal(1, await _team.Bot.CountAsync("sent_reminders", "Kind = 'ForwardingNotice'"));
        Assert.Equal(0, await NoticesWaitingAsync());
    }

    [Fact]
    public async Task ForwardingThatBeginsTomorrow_ColleagueBecomesUnreachableInIt_BothAreTold()
    {
        await _team.SayAsync(SaraId, "/status");
        await _team.SayAsync(KimId, "/status");
        var before = _team.Bot.Connector.Requests.Count;
        var (status, _) = await _team.Api.PutJsonAsync($"/api/referrals/{KimUpn}/manual",
            new { reason = "training", from = "2026-11-24T08:00", until = "2026-11-24T15:00", forwardTo = "sara.nordin@lycksele.se" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Samtal till Kim Krona kopplas till dig från i morgon 08.00 till i morgon 15.00.",
            (await _team.ReceivedAsync(SaraId, before)).Card().Words(), StringComparison.Ordinal);

        before = _team.Bot.Connector.Requests.Count;
        await SaraAsync("meeting", "2026-11-24T10:00", "2026-11-24T11:00");

        Assert.Contains("Sara Nordin är upptagen i morgon 10.00–11.00", (await _team.ReceivedAsync(KimId, before)).Card().Words(), StringComparison.Ordinal);
        Assert.Contains("Du är inte nåbar i morgon 10.00–11.00", (await _team.ReceivedAsync(SaraId, before)).Card().Words(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConflictMessageTeamsFailedToTake_IsRetried_AndSentOnce()
    {
        await _team.SayAsync(SaraId, "/status");
        await _team.ForwardKimToSaraAsync("15:00");
        await ConflictTeamsRefusesAsync("2026-11-23T11:00", "2026-11-23T12:00");
        Assert.Equal(0, await _team.Bot.CountAsync("sent_reminders", "Kind = 'ForwardingConflict'"));

        _team.Bot.App.Clock.Advance(ForwardingNoticeWork.Notices.FirstRetryDelay);
        await RunDueNoticesAsync();
        await SaraAsync("meeting", "2026-11-23T13:00", "2026-11-23T14:00");
        await _team.DrainChangesAsync();
        await RunDueNoticesAsync();

        Assert.Equal(2, await _team.Bot.CountAsync("sent_reminders", "Kind = 'ForwardingConflict'"));
        Assert.Equal(0, await _team.Bot.CountAsync("work_dead_letters"));
        // Four refused tries, then the one that went through; the second booking tells nothing new.
        Assert.Equal(5, Said(KimId, Conflict).Count);
        Assert.Equal(5, Said(SaraId, ToSara).Count);
    }

    [Fact]
    public async Task ConflictMessageTeamsKeepsRefusing_EndsAsADeadLetter()
    {
        await _team.DisposeAsync();
        await StartAsync(new Dictionary<string, string?> { ["Bot:FailuresBeforePause"] = "1", ["Bot:PauseAfterFailures"] = "1.00:00:00" });
        await _team.SayAsync(SaraId, "/status");
        await _team.ForwardKimToSaraAsync("15:00");
        // One failed send pauses each chat for a day: every retry after it is refused without reaching the connector.
        var refused = await ConflictTeamsRefusesAsync("2026-11-23T11:00", "2026-11-23T12:00");
        for (var round = 0; round < ForwardingNoticeWork.Notices.MaxAttempts + 2 && await NoticesWaitingAsync() > 0; round++)
        {
            await Eventually.TrueAsync(
                async () => await _team.Bot.CountAsync("work_items", "Kind = 'forwarding-notice' AND LeaseUntil IS NOT NULL") == 0,
                "no forwarding notice running");
            _team.Bot.App.Clock.Advance(ForwardingNoticeWork.Notices.MaxRetryDelay);
            await RunDueNoticesAsync();
        }

        Assert.Equal(0, await NoticesWaitingAsync());
        Assert.Equal(2, await _team.Bot.CountAsync("work_dead_letters", "Kind = 'forwarding-notice' AND Key LIKE 'ForwardingConflict|%'"));
        Assert.Equal(0, await _team.Bot.CountAsync("sent_reminders", "Kind = 'ForwardingConflict'"));
        Assert.Equal(refused, _team.Bot.Connector.Requests.Count);
    }

    [Fact]
    public async Task ConflictMessageRetryDueAfterWorkingHours_WaitsForTheMorning()
    {
        await ForwardKimToSaraUntilTomorrowAsync();
        At("2026-11-23T16:55");
        var refused = await ConflictTeamsRefusesAsync("2026-11-24T10:00", "2026-11-24T11:00");

        At("2026-11-23T17:05");
        await RunDueNoticesAsync();

        Assert.Equal(refused, _team.Bot.Connector.Requests.Count);
        Assert.Equal(2, await _team.Bot.CountAsync("work_items", $"Kind = 'forwarding-notice' AND DueAt = {Ticks("2026-11-24T08:00")}"));

        At("2026-11-24T08:00");
        await RunDueNoticesAsync();

        Assert.Contains("Sara Nordin är upptagen 10.00–11.00", (await _team.ReceivedAsync(KimId, refused)).Card().Words(), StringComparison.Ordinal);
        Assert.Contains("Du är inte nåbar 10.00–11.00", (await _team.ReceivedAsync(SaraId, refused)).Card().Words(), StringComparison.Ordinal);
        Assert.Equal(2, await _team.Bot.CountAsync("sent_reminders", "Kind = 'ForwardingConflict'"));
    }

    private async Task StartAsync(IDictionary<string, string?>? settings = null) => _team = await TeamHarness.StartAsync(settings);

    /// <summary>Monday 09:00: Kim forwards to Sara until Tuesday 15:00, and Sara (reachable throughout) is told at once.</summary>
    private async Task ForwardKimToSaraUntilTomorrowAsync()
    {
        await _team.SayAsync(SaraId, "/status");
        var words = (await _team.ForwardKimToSaraAsync("i morgon 15:00")).Words();
        Assert.Contains("Sara Nordin får veta det i Teams.", words, StringComparison.Ordinal);
    }

    /// <summary>
    /// Kim forwards to Sara until tomorrow 15:00; at 18:00 Sara gets a meeting tomorrow 10:00–11:00: nobody is told
    /// now, both messages wait for 08:00.
    /// </summary>
    private async Task SaraBookedInTheEveningAsync()
    {
        await ForwardKimToSaraUntilTomorrowAsync();
        At("2026-11-23T18:00");
        await SaraAsync("meeting", "2026-11-24T10:00", "2026-11-24T11:00");
        await _team.DrainChangesAsync();

        Assert.Empty(Said(KimId, Conflict));
        Assert.Empty(Said(SaraId, ToSara));
        Assert.Equal(2, await _team.Bot.CountAsync("work_items", $"Kind = 'forwarding-notice' AND DueAt = {Ticks("2026-11-24T08:00")}"));
    }

    private async Task SaraAsync(string reason, string from, string until)
    {
        var (status, _) = await _team.Api.PutJsonAsync("/api/referrals/sara.nordin@lycksele.se/manual", new { reason, from, until });
        Assert.Equal(HttpStatusCode.OK, status);
    }

    /// <summary>
    /// Sara gets a meeting inside Kim's forwarding while Teams answers 503: each send is tried four times by the connector
    /// client, so both conflict messages fail as a whole and wait to be retried. Returns the connector's request count then.
    /// </summary>
    private async Task<int> ConflictTeamsRefusesAsync(string from, string until)
    {
        var refused = _team.Bot.Connector.Requests.Count + 8;
        _team.Bot.Connector.Answer([.. Enumerable.Range(0, 8).Select(_ => new ConnectorAnswer(503))]);
        await SaraAsync("meeting", from, until);
        await DriveClockUntilAsync(() => _team.Bot.Connector.Requests.Count >= refused);
        await Eventually.TrueAsync(
            async () => await _team.Bot.CountAsync("work_items", "Kind = 'forwarding-notice' AND Attempts = 1 AND LeaseUntil IS NULL") == 2,
            "both conflict messages waiting to be retried");
        return refused;
    }

    private async Task AssertNoConflictToldAsync()
    {
        Assert.Equal(0, await NoticesWaitingAsync());
        Assert.Empty(Said(KimId, Conflict));
        Assert.Empty(Said(SaraId, ToSara));
        Assert.Equal(0, await _team.Bot.CountAsync("sent_reminders", "Kind = 'ForwardingConflict'"));
        Assert.Equal(0, await _team.Bot.CountAsync("work_dead_letters"));
    }

    private List<JsonNode> Said(string personId, string words) =>
        _team.MessagesTo(personId).Where(m => m["attachments"] is not null && m.Card().Words().Contains(words, StringComparison.Ordinal)).ToList();

    private Task<long> NoticesWaitingAsync() => _team.Bot.CountAsync("work_items", "Kind = 'forwarding-notice'");

    /// <summary>Sets the host's clock to a Stockholm local time in November (UTC+1).</summary>
    private void At(string local) => _team.Bot.App.Clock.SetUtcNow(DateTimeOffset.Parse(local + ":00+01:00", System.Globalization.CultureInfo.InvariantCulture));

    private static long Ticks(string local) =>
        Instant.FromDateTimeOffset(DateTimeOffset.Parse(local + ":00+01:00", System.Globalization.CultureInfo.InvariantCulture)).ToUnixTimeTicks();

    /// <summary>Wakes the notices' worker until nothing of theirs is due at the clock's time (run, retried later or put off).</summary>
    private async Task RunDueNoticesAsync()
    {
        var signal = _team.Bot.Service<WorkQueueSignal>();
        var now = Instant.FromDateTimeOffset(_team.Bot.App.Clock.GetUtcNow()).ToUnixTimeTicks();
        await Eventually.TrueAsync(
            async () =>
            {
                signal.Wake(ForwardingNoticeWork.Notices.Name);
                return await _team.Bot.CountAsync("work_items", $"Kind = 'forwarding-notice' AND DueAt <= {now}") == 0;
            },
            "the forwarding notices due now done");
    }

    /// <summary>Moves the fake clock in small steps so the connector client's retries run, until <paramref name="done"/>; bounded.</summary>
    private async Task DriveClockUntilAsync(Func<bool> done)
    {
        for (var step = 0; step < 400 && !done(); step++)
        {
            _team.Bot.App.Clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(5);
        }

        Assert.True(done(), "the connector's retries did not finish");
    }
}
