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
        var kim = Person(Unit(), "kim", "Kim Krona");
        var voicemails = new PersonVoicemails("kim", [Message("a", "2026-11-23T10:00", "070-123 45 67"), Message("b", "2026-11-23T10:20")], null);

        var message = VoicemailReminderMessages.Compose(kim, new VoicemailReminderDue(ReminderKind.VoicemailFirst, At("2026-11-23T10:30")), voicemails, At("2026-11-23T11:20"), Stockholm);

        Assert.Equal("kim", message.RecipientId);
        Assert.Equal("Du har 2 ej avlyssnade röstmeddelanden", message.Title);
        Assert.Contains("1 tim 20 min", message.Text, StringComparison.Ordinal);
        Assert.Contains(new ReminderFact("Från", "070-123 45 67"), message.Facts);
        Assert.Equal([ReminderAction.MarkVoicemailHeard, ReminderAction.SnoozeVoicemail], message.Actions);
    }

    [Fact]
    public void LastCall_SaysRingTillbakaIDag()
    {
        var kim = Person(Unit(), "kim", "Kim Krona");
        var voicemails = new PersonVoicemails("kim", [Message("a", "2026-11-23T14:00")], null);

        var message = VoicemailReminderMessages.Compose(kim, new VoicemailReminderDue(ReminderKind.VoicemailLastCall, At("2026-11-23T15:00")), voicemails, At("2026-11-23T15:00"), Stockholm);

        Assert.Equal("Ring tillbaka i dag", message.Title);
        Assert.StartsWith("Ett ej avlyssnat röstmeddelande från i dag", message.Text, StringComparison.Ordinal);
    }
}
