using NodaTime;
using PresenceBot.Referrals.Reminders;
using PresenceBot.Referrals.Voicemail;
using static PresenceBot.Referrals.Tests.Coverage.CoverageFixtures;
using static PresenceBot.Referrals.Tests.Reminders.VoicemailReminderPolicyTests;
using static PresenceBot.Referrals.Tests.WorkingTime.TestCalendars;

namespace PresenceBot.Referrals.Tests.Reminders;

public sealed class VoicemailReminderMessagesTests
{
    [Fact]
    public void First_ShowsCountOldestAgeAndCallersToTheOwner()
    {
        var message = Compose(ReminderKind.VoicemailFirst, "2026-11-23T11:20", Message("a", "2026-11-23T10:00", "070-123 45 67"), Message("b", "2026-11-23T10:20"));

        Assert.Equal("kim", message.RecipientId);
        Assert.Equal("Du har 2 olyssnade röstmeddelanden", message.Title);
        Assert.Equal("Det äldsta har väntat i 1 timme och 20 minuter. Lyssna av dem och ring tillbaka i dag.", message.Text);
        Assert.Contains(new ReminderFact("Från", "070-123 45 67"), message.Facts);
        Assert.Equal([ReminderAction.MarkVoicemailHeard, ReminderAction.SnoozeVoicemail], message.Actions);
    }

    [Fact]
    public void First_OneMessage_IsSingularThroughout()
    {
        var message = Compose(ReminderKind.VoicemailFirst, "2026-11-23T10:45", Message("a", "2026-11-23T10:00"));

        Assert.Equal("Du har ett olyssnat röstmeddelande", message.Title);
        Assert.Equal("Det har väntat i 45 minuter. Lyssna av det och ring tillbaka i dag.", message.Text);
    }

    [Fact]
    public void LastCall_OneFromToday_SaysItOnceInPlainSwedish()
    {
        var message = Compose(ReminderKind.VoicemailLastCall, "2026-11-23T15:00", Message("a", "2026-11-23T14:00"));

        Assert.Equal("Ring tillbaka i dag", message.Title);
        Assert.Equal("Du har ett röstmeddelande från i dag som du inte har lyssnat på. Lyssna av det och ring tillbaka innan arbetsdagen är slut.", message.Text);
    }

    [Fact]
    public void LastCall_SeveralFromToday_CountsOnlyTodaysInThePlural()
    {
        var message = Compose(ReminderKind.VoicemailLastCall, "2026-11-23T15:00",
            Message("old", "2026-11-20T14:00"), Message("a", "2026-11-23T09:00"), Message("b", "2026-11-23T14:00"));

        Assert.StartsWith("Du har 2 röstmeddelanden från i dag som du inte har lyssnat på. Lyssna av dem", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Digest_SaysWhenTheOldestCame()
    {
        var message = Compose(ReminderKind.VoicemailDigest, "2026-11-24T08:00", Message("a", "2026-11-23T16:10"), Message("b", "2026-11-23T18:00"));

        Assert.Equal("Röstbrevlådan: 2 olyssnade röstmeddelanden", message.Title);
        Assert.Equal("Det äldsta kom i går klockan 16.10. Lyssna av dem och ring tillbaka i dag.", message.Text);
        Assert.Contains(new ReminderFact("Äldsta", "i går klockan 16.10"), message.Facts);
    }

    [Fact]
    public void Digest_OneMessageAfterAWeekend_NamesTheDay()
    {
        var message = Compose(ReminderKind.VoicemailDigest, "2026-11-23T08:00", Message("a", "2026-11-20T16:10"));

        Assert.Equal("Röstbrevlådan: ett olyssnat röstmeddelande", message.Title);
        Assert.Equal("Det kom fredag 20/11 klockan 16.10. Lyssna av det och ring tillbaka i dag.", message.Text);
    }

    [Theory]
    [InlineData(0, "0 minuter")]
    [InlineData(1, "1 minut")]
    [InlineData(25, "25 minuter")]
    [InlineData(60, "1 timme")]
    [InlineData(61, "1 timme och 1 minut")]
    [InlineData(120, "2 timmar")]
    [InlineData(150, "2 timmar och 30 minuter")]
    public void AgeInWords_SingularAndPlural(int minutes, string expected) =>
        Assert.Equal(expected, SwedishTime.AgeInWords(Duration.FromMinutes(minutes)));

    private static ReminderMessage Compose(ReminderKind kind, string now, params VoicemailMessage[] messages) =>
        VoicemailReminderMessages.Compose(Person(Unit(), "kim", "Kim Krona"), new VoicemailReminderDue(kind, At(now)), new PersonVoicemails("kim", messages, null), At(now), Stockholm);
}
