using System.ComponentModel.DataAnnotations;
using PresenceBot.CalendarSync.Voicemail;

namespace PresenceBot.CalendarSync.Tests.Voicemail;

public sealed class MailboxVoicemailOptionsTests
{
    [Fact]
    public void Defaults_TeamsVoicemailClasses_EveryTwoMinutes()
    {
        var options = new MailboxVoicemailOptions();

        Assert.Empty(Problems(options));
        Assert.Equal(["IPM.Note.Microsoft.Voicemail.UM.CA", "IPM.Note.Microsoft.Voicemail.UM"], options.VoicemailClasses);
        Assert.Equal("*/2 * * * *", options.Cron);
    }

    [Fact]
    public void MessageClasses_WhenGiven_ReplaceTheDefaults()
    {
        var options = new MailboxVoicemailOptions { MessageClasses = ["IPM.Note.Microsoft.Voicemail.UM.CA"] };

        Assert.Equal(["IPM.Note.Microsoft.Voicemail.UM.CA"], options.VoicemailClasses);
    }

    [Theory]
    [InlineData("01:00:00", "0 * * * *")]
    [InlineData("00:15:00", "*/15 * * * *")]
    public void PollInterval_BecomesAnEvenSchedule(string interval, string cron)
    {
        Assert.Equal(cron, new MailboxVoicemailOptions { PollInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) }.Cron);
    }

    [Theory]
    [InlineData("00:00:30")]
    [InlineData("00:07:00")]
    [InlineData("00:02:30")]
    [InlineData("02:00:00")]
    public void PollInterval_NotWholeMinutesDividingAnHour_NamesTheKey(string interval)
    {
        var problem = Assert.Single(Problems(new MailboxVoicemailOptions { PollInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) }));

        Assert.StartsWith("Voicemail:Mailbox:PollInterval", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void MessageClass_NotPrintableAscii_NamesTheKeyAndTheValue()
    {
        var problem = Assert.Single(Problems(new MailboxVoicemailOptions { MessageClasses = ["IPM.Note.Röst"] }));

        Assert.Contains("Voicemail:Mailbox:MessageClasses 'IPM.Note.Röst'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void IgnoreOlderThan_UnderAnHour_IsRefused()
    {
        Assert.Single(Problems(new MailboxVoicemailOptions { IgnoreOlderThan = TimeSpan.FromMinutes(5) }));
    }

    private static List<string> Problems(MailboxVoicemailOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage!)];
    }
}
