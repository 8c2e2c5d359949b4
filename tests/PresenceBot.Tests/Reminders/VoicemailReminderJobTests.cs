using System.Text.Json;
using NodaTime;
using PresenceBot.Bot;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Reminders;
using PresenceBot.TeamsChannel.Turns;
using static PresenceBot.Tests.ApiClient;

namespace PresenceBot.Tests.Reminders;

/// <summary>The voicemail reminder job on the real host and database, moved through the day with a fake clock.</summary>
public sealed class VoicemailReminderJobTests : IAsyncLifetime
{
    private ReminderHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new ReminderHost();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task FirstReminder_After30MinutesInWorkingHours_AndOnlyOnce()
    {
        _host.At(2026, 11, 23, 9, 0);
        await _host.ReceiveVoicemailAsync(KimId, "vm-1");

        _host.At(2026, 11, 23, 9, 29);
        Assert.Equal(0, await _host.RunVoicemailJobAsync());
        _host.At(2026, 11, 23, 9, 30);
        Assert.Equal(1, await _host.RunVoicemailJobAsync());
        _host.At(2026, 11, 23, 9, 31);
        Assert.Equal(0, await _host.RunVoicemailJobAsync());

        var reminder = Assert.Single(_host.Sender.Sent);
        Assert.Equal(ReminderKind.VoicemailFirst, reminder.Kind);
        Assert.Equal(KimId, reminder.RecipientId);
        Assert.Equal([ReminderAction.MarkVoicemailHeard, ReminderAction.SnoozeVoicemail], reminder.Actions);
    }

    [Fact]
    public async Task Weekend_NothingIsSent_AndMondayMorningGetsTheDigest()
    {
        _host.At(2026, 11, 28, 10, 0);
        await _host.ReceiveVoicemailAsync(KimId, "vm-saturday");

        _host.At(2026, 11, 28, 11, 0);
        Assert.Equal(0, await _host.RunVoicemailJobAsync());
        _host.At(2026, 11, 30, 7, 59);
        Assert.Equal(0, await _host.RunVoicemailJobAsync());
        _host.At(2026, 11, 30, 8, 0);
        Assert.Equal(1, await _host.RunVoicemailJobAsync());

        Assert.Equal(ReminderKind.VoicemailDigest, Assert.Single(_host.Sender.Sent).Kind);
    }

    [Fact]
    public async Task Holiday_NothingIsSent()
    {
        _host.At(2026, 12, 25, 9, 0);
        await _host.ReceiveVoicemailAsync(KimId, "vm-juldagen");

        _host.At(2026, 12, 25, 11, 0);

        Assert.Equal(0, await _host.RunVoicemailJobAsync());
        Assert.Empty(_host.Sender.Sent);
    }

    [Fact]
    public async Task OutsideWorkingHours_NothingIsSent()
    {
        _host.At(2026, 11, 23, 16, 50);
        await _host.ReceiveVoicemailAsync(KimId, "vm-late");

        _host.At(2026, 11, 23, 17, 30);

        Assert.Equal(0, await _host.RunVoicemailJobAsync());
    }

    [Theory]
    [InlineData(Reason.Vacation)]
    [InlineData(Reason.Sick)]
    public async Task Absence_SuppressesReminders_AndTheReturnMorningGetsTheDigest(Reason reason)
    {
        _host.At(2026, 11, 23, 9, 0);
        await _host.AwayAsync(KimId, reason, until: Instant.FromUtc(2026, 11, 25, 7, 0));
        await _host.ReceiveVoicemailAsync(KimId, "vm-away");

        _host.At(2026, 11, 23, 11, 0);
        Assert.Equal(0, await _host.RunVoicemailJobAsync());
        _host.At(2026, 11, 24, 10, 0);
        Assert.Equal(0, await _host.RunVoicemailJobAsync());
        _host.At(2026, 11, 25, 8, 0);
        Assert.Equal(1, await _host.RunVoicemailJobAsync());

        Assert.Equal(ReminderKind.VoicemailDigest, Assert.Single(_host.Sender.Sent).Kind);
    }

    [Fact]
    public async Task Snooze_PostponesTheNextReminderByAnHour()
    {
        _host.At(2026, 11, 23, 9, 0);
        await _host.ReceiveVoicemailAsync(KimId, "vm-snooze");
        _host.At(2026, 11, 23, 9, 30);
        await _host.RunVoicemailJobAsync();

        _host.At(2026, 11, 23, 9, 31);
        var answer = await PressAsync("voicemail.snooze");
        _host.At(2026, 11, 23, 10, 30);
        Assert.Equal(0, await _host.RunVoicemailJobAsync());
        _host.At(2026, 11, 23, 10, 31);
        Assert.Equal(1, await _host.RunVoicemailJobAsync());

        Assert.Equal("Du påminns igen klockan 10.31.", answer.Text);
        Assert.Equal([ReminderKind.VoicemailFirst, ReminderKind.VoicemailRepeat], _host.Sender.Sent.Select(m => m.Kind));
    }

    [Fact]
    public async Task MarkHeard_StopsReminders_ButNotForAMessageThatCameAfterTheCard()
    {
        _host.At(2026, 11, 23, 9, 0);
        await _host.ReceiveVoicemailAsync(KimId, "vm-old");
        _host.At(2026, 11, 23, 9, 30);
        await _host.RunVoicemailJobAsync();
        var cardSentAt = _host.Now;
        _host.At(2026, 11, 23, 9, 40);
        await _host.ReceiveVoicemailAsync(KimId, "vm-new");

        await PressAsync("voicemail.heard", cardSentAt);

        var left = await _host.Ledger.ForPersonAsync(KimId, CancellationToken.None);
        Assert.Equal("vm-new", Assert.Single(left.Unheard).Id);
    }

    [Fact]
    public async Task LastCallAt1500_ForTodaysUnheardMessage()
    {
        _host.At(2026, 11, 23, 14, 40);
        await _host.ReceiveVoicemailAsync(KimId, "vm-afternoon");

        _host.At(2026, 11, 23, 14, 59);
        Assert.Equal(0, await _host.RunVoicemailJobAsync());
        _host.At(2026, 11, 23, 15, 0);
        Assert.Equal(1, await _host.RunVoicemailJobAsync());

        var reminder = Assert.Single(_host.Sender.Sent);
        Assert.Equal(ReminderKind.VoicemailLastCall, reminder.Kind);
        Assert.Equal("Ring tillbaka i dag", reminder.Title);
    }

    [Fact]
    public async Task FailedSend_GivesTheClaimBack_AndTheNextRunSends()
    {
        _host.At(2026, 11, 23, 9, 0);
        await _host.ReceiveVoicemailAsync(KimId, "vm-fail");
        _host.Sender.FailNext(1);

        _host.At(2026, 11, 23, 9, 30);
        Assert.Equal(0, await _host.RunVoicemailJobAsync());
        _host.At(2026, 11, 23, 9, 31);
        Assert.Equal(1, await _host.RunVoicemailJobAsync());

        Assert.Equal(ReminderKind.VoicemailFirst, Assert.Single(_host.Sender.Sent).Kind);
        Assert.Equal(2, _host.Sender.Attempts);
    }

    private async Task<BotMessage> PressAsync(string verb, Instant? upTo = null)
    {
        var handler = Assert.Single(_host.Service<IEnumerable<ICardVerbHandler>>(), h => h.Handles(verb));
        var kim = _host.Service<IOrganisationSource>().Current.FindPerson(KimId)!;
        var data = upTo is { } at ? JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["upTo"] = at.ToString() }) : (JsonElement?)null;
        return await handler.HandleAsync(kim, new CardSubmission(verb, data), CancellationToken.None);
    }
}
