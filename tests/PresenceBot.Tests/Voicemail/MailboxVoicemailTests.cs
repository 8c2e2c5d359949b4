using PresenceBot.GraphStandIn.Calendars;
using PresenceBot.GraphStandIn.Faults;
using PresenceBot.GraphStandIn.Mail;
using PresenceBot.Referrals.Voicemail;
using PresenceBot.Reminders;
using PresenceBot.Tests.Bot.Conversation;
using static PresenceBot.Tests.ApiClient;
using static PresenceBot.Tests.Voicemail.MailboxVoicemailHost;

namespace PresenceBot.Tests.Voicemail;

/// <summary>
/// Issue 6 §1: Teams voicemail arrives as mail. Over real HTTP: the host's Graph stand-in holds the inboxes, the inbox
/// round reads them through Graph's $batch, and the ledger, <c>/röstbrevlåda</c> and the reminder at the loopback
/// connector follow. In the sample organisation Kim has <c>voicemailFromMailbox</c>, Sara has not.
/// </summary>
public sealed class MailboxVoicemailTests : IAsyncLifetime
{
    private ConversationHarness _bot = null!;

    private PresenceBotApplication App => _bot.Bot.App;

    public async Task InitializeAsync() => _bot = await ConversationHarness.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task VoicemailInKimsInbox_IsInTheLedgerAndRöstbrevlådan_ThenRemindedAfterThirtyWorkingMinutes()
    {
        var mail = App.DeliverVoicemail(KimId, "Anna Andersson");

        var round = await App.RunMailboxRoundAsync();

        Assert.Equal(new CalendarSync.Voicemail.MailboxPollResult(People: 1, Added: 1, Heard: 0, Failed: 0), round);
        var stored = Assert.Single(await App.UnheardAsync(KimId));
        Assert.Equal((VoicemailSources.Mailbox, mail.Id, "Anna Andersson", 17), (stored.Source, stored.Id, stored.Caller, stored.DurationSeconds));
        Assert.Equal(NodaTime.Instant.FromDateTimeOffset(mail.ReceivedDateTime), stored.ReceivedAt);
        var inbox = (await _bot.SayAsync("/röstbrevlåda")).Card().Words();
        Assert.Contains("Anna Andersson", inbox, StringComparison.Ordinal);
        Assert.Contains("Markera som avlyssnad", inbox, StringComparison.Ordinal);

        App.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(0, await _bot.Bot.Service<VoicemailReminderJob>().RunAsync(CancellationToken.None));
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await _bot.Bot.Service<VoicemailReminderJob>().RunAsync(CancellationToken.None));

        var reminder = (await _bot.Bot.Connector.WaitForRequestsAsync(2))[1].Body!.Card();
        Assert.Equal("Du har ett olyssnat röstmeddelande", (string?)reminder["body"]![0]!["text"]);
        Assert.Contains("Anna Andersson", reminder.Words(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrdinaryUnreadMail_AndSarasVoicemail_AreNotTakenIn_SarasInboxIsNotEvenRead()
    {
        App.Graph().Mailboxes.Deliver(KimId, new MessageDraft
        {
            Subject = "Protokoll från kommunstyrelsen",
            From = new Recipient(new EmailAddress("Bo Ek", "bo.ek@lycksele.se")),
            HasAttachments = true,
        });
        App.DeliverVoicemail(Sara, "Anna Andersson");

        var round = await App.RunMailboxRoundAsync();

        Assert.Equal(new CalendarSync.Voicemail.MailboxPollResult(People: 1, Added: 0, Heard: 0, Failed: 0), round);
        Assert.Empty(await App.UnheardAsync(KimId));
        Assert.Empty(await App.UnheardAsync(Sara));
        Assert.Equal(1, App.Graph().Stats.RequestsByKind["messages"]);
        Assert.Equal("Du har inga olyssnade röstmeddelanden.", (string?)(await _bot.SayAsync("/röstbrevlåda"))["text"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadOrDeletedInOutlook_IsHeard_AndTheRemindersStop(bool delete)
    {
        await _bot.Bot.PostAsync(_bot.Bot.Activities.Installation("add"));
        var mail = App.DeliverVoicemail(KimId, "Anna Andersson");
        await App.RunMailboxRoundAsync();
        App.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(1, await _bot.Bot.Service<VoicemailReminderJob>().RunAsync(CancellationToken.None));

        if (delete)
        {
            Assert.True(App.Graph().Mailboxes.Delete(KimId, mail.Id));
        }
        else
        {
            Assert.NotNull(App.Graph().Mailboxes.MarkRead(KimId, mail.Id));
        }

        var round = await App.RunMailboxRoundAsync();

        Assert.Equal(1, round.Heard);
        Assert.Empty(await App.UnheardAsync(KimId));
        App.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await _bot.Bot.Service<VoicemailReminderJob>().RunAsync(CancellationToken.None));
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.FromHours(1)));
        Assert.Equal(0, await _bot.Bot.Service<VoicemailReminderJob>().RunAsync(CancellationToken.None));
        Assert.Single(_bot.Bot.Connector.Requests);
        Assert.Equal(0, (await App.RunMailboxRoundAsync()).Added);
    }

    [Fact]
    public async Task MarkedHeardInTeams_WhileTheMailStaysUnread_StaysHeard()
    {
        App.DeliverVoicemail(KimId, "Anna Andersson");
        await App.RunMailboxRoundAsync();
        var card = (await _bot.SayAsync("/röstbrevlåda")).Card();

        var answer = await _bot.ExecuteAsync(card.Button("Markera som avlyssnad"));
        Assert.Contains("Markerat som avlyssnat", answer.ToJsonString(), StringComparison.Ordinal);
        var again = await App.RunMailboxRoundAsync();

        Assert.Equal((0, 0), (again.Added, again.Heard));
        Assert.Empty(await App.UnheardAsync(KimId));
    }

    [Fact]
    public async Task OldBacklogWhenSwitchedOn_IsNotTakenIn_ANewVoicemailIs()
    {
        App.DeliverVoicemail(KimId, "Gammal Uppringare", App.Clock.GetUtcNow().AddDays(-8));
        var fresh = App.DeliverVoicemail(KimId, "Anna Andersson", App.Clock.GetUtcNow().AddDays(-6));

        var round = await App.RunMailboxRoundAsync();

        Assert.Equal(1, round.Added);
        Assert.Equal([fresh.Id], (await App.UnheardAsync(KimId)).Select(m => m.Id));
    }

    [Fact]
    public async Task MoreThanOnePage_EveryVoicemailIsTakenIn()
    {
        var start = App.Clock.GetUtcNow().AddHours(-2);
        var ids = Enumerable.Range(0, 55).Select(i => App.DeliverVoicemail(KimId, $"Uppringare {i}", start.AddMinutes(i)).Id).ToHashSet();

        var round = await App.RunMailboxRoundAsync();

        Assert.Equal(55, round.Added);
        Assert.Equal(ids, (await App.UnheardAsync(KimId)).Select(m => m.Id).ToHashSet());
        // The first page in the $batch, the second on its own through @odata.nextLink.
        Assert.Equal(2, App.Graph().Stats.RequestsByKind["messages"]);
    }

    [Fact]
    public async Task ThrottledInbox_IsAskedAgainOnlyAfterRetryAfter()
    {
        App.DeliverVoicemail(KimId, "Anna Andersson");
        var graph = App.Graph();
        graph.Faults.Add(new FaultRule { Status = 429, RetryAfterSeconds = 5, PathPrefix = $"/users/{KimId}/mailFolders" });

        var running = App.RunMailboxRoundAsync();
        await Calendar.Eventually.TrueAsync(() => Task.FromResult(graph.Stats.FaultsInjected == 1), "the inbox read throttled");
        App.Clock.Advance(TimeSpan.FromSeconds(4.9));
        await Task.Delay(300);

        Assert.False(running.IsCompleted, "the round did not wait for Retry-After");
        Assert.Equal(1, graph.Stats.RequestsByKind["messages"]);
        Assert.Empty(await App.UnheardAsync(KimId));

        for (var step = 0; step < 100 && !running.IsCompleted; step++)
        {
            App.Clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(20);
        }

        var round = await running.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((1, 0), (round.Added, round.Failed));
        Assert.Equal(2, graph.Stats.RequestsByKind["messages"]);
        Assert.Single(await App.UnheardAsync(KimId));
    }
}
