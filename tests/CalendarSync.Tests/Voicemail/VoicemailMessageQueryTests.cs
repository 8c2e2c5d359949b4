using Microsoft.Graph.Models;
using NodaTime;
using PresenceBot.CalendarSync.Voicemail;

namespace PresenceBot.CalendarSync.Tests.Voicemail;

public sealed class VoicemailMessageQueryTests
{
    private static readonly VoicemailMessageQuery Teams = new(MailboxVoicemailOptions.TeamsVoicemailClasses);
    private static readonly DateTimeOffset Received = new(2026, 11, 23, 8, 5, 0, TimeSpan.Zero);

    [Fact]
    public void Filter_UnreadAndAnyOfTheClasses_QuotesEscaped()
    {
        var query = new VoicemailMessageQuery(["IPM.Note.Microsoft.Voicemail.UM.CA", "IPM.Note.O'Brien"]);

        Assert.Equal(
            "isRead eq false and (singleValueExtendedProperties/any(ep: ep/id eq 'String 0x001A' and ep/value eq 'IPM.Note.Microsoft.Voicemail.UM.CA')"
            + " or singleValueExtendedProperties/any(ep: ep/id eq 'String 0x001A' and ep/value eq 'IPM.Note.O''Brien'))",
            query.Filter);
    }

    [Fact]
    public void Select_NeverAsksForSubjectOrBody()
    {
        Assert.Equal(["receivedDateTime", "from"], Teams.Select);
        Assert.DoesNotContain(Teams.Expand, e => e.Contains("subject", StringComparison.OrdinalIgnoreCase) || e.Contains("body", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Read_CallerFromSendersName_LengthFromTheVoiceMessageProperty_InGraphsShortIdForm()
    {
        var voicemail = Teams.Read(Message("Kim Krona", ("String 0x1a", "IPM.Note.Microsoft.Voicemail.UM.CA"), ("Integer 0x6801", "17")));

        Assert.Equal(new MailboxVoicemail("AAMkAG-1", Instant.FromUtc(2026, 11, 23, 8, 5), "Kim Krona", 17), voicemail);
    }

    [Fact]
    public void Read_NoSenderName_TheCallingNumberIsTheCaller_NoLengthIsUnknown()
    {
        var voicemail = Teams.Read(Message(" ", ("String 0x001A", "ipm.note.microsoft.voicemail.um"), ("String 0x6802", "+46 70 123 45 67")));

        Assert.Equal("+46 70 123 45 67", voicemail!.Caller);
        Assert.Null(voicemail.DurationSeconds);
    }

    [Fact]
    public void Read_LongName_IsCutToWhatTheLedgerKeeps()
    {
        var voicemail = Teams.Read(Message(new string('a', 100), ("String 0x1a", "IPM.Note.Microsoft.Voicemail.UM")));

        Assert.Equal(64, voicemail!.Caller!.Length);
    }

    [Fact]
    public void Read_OrdinaryMail_IsNotAVoicemail_EvenIfGraphListedIt()
    {
        Assert.Null(Teams.Read(Message("Bo Ek", ("String 0x1a", "IPM.Note"))));
    }

    [Fact]
    public void Read_NoId_IsSkipped()
    {
        Assert.Null(Teams.Read(new Message { ReceivedDateTime = Received }));
    }

    private static Message Message(string name, params (string Id, string Value)[] properties) => new()
    {
        Id = "AAMkAG-1",
        ReceivedDateTime = Received,
        From = new Recipient { EmailAddress = new EmailAddress { Name = name } },
        SingleValueExtendedProperties = [.. properties.Select(p => new SingleValueLegacyExtendedProperty { Id = p.Id, Value = p.Value })],
    };
}
