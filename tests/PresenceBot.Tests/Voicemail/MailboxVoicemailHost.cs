using Microsoft.Extensions.DependencyInjection;
using PresenceBot.Calendar;
using PresenceBot.CalendarSync.Voicemail;
using PresenceBot.GraphStandIn;
using PresenceBot.GraphStandIn.Calendars;
using PresenceBot.GraphStandIn.Mail;
using PresenceBot.Referrals.Voicemail;

namespace PresenceBot.Tests.Voicemail;

/// <summary>
/// What the mailbox voicemail tests share: the host's built-in Graph stand-in (its inboxes), delivering a Teams
/// voicemail there, running the inbox round by hand as Hangfire would, and reading the ledger.
/// </summary>
internal static class MailboxVoicemailHost
{
    public const string Sara = "ee773616-c5ea-4b74-b7a8-491b07114505";
    public const string CallAnswering = "IPM.Note.Microsoft.Voicemail.UM.CA";

    public static GraphStandInServer Graph(this PresenceBotApplication app) =>
        app.Services.GetRequiredService<GraphStandInHost>().Server ?? throw new InvalidOperationException("The built-in stand-in is not running.");

    /// <summary>A Teams voicemail as it lands in the inbox: its own message class, the caller as sender, the audio attached, its length.</summary>
    public static StandInMessage DeliverVoicemail(this PresenceBotApplication app, string personId, string caller, DateTimeOffset? receivedAt = null) =>
        app.Graph().Mailboxes.Deliver(personId, new MessageDraft
        {
            Subject = $"Röstmeddelande från {caller}",
            Body = new ItemBody("text", $"Transkription: Hej, det är {caller}, ring mig."),
            From = new Recipient(new EmailAddress(caller, null)),
            ReceivedDateTime = receivedAt ?? app.Clock.GetUtcNow(),
            HasAttachments = true,
            MessageClass = CallAnswering,
            SingleValueExtendedProperties = [new ExtendedProperty("Integer 0x6801", "17")],
        });

    public static Task<MailboxPollResult> RunMailboxRoundAsync(this PresenceBotApplication app) =>
        app.Services.GetRequiredService<MailboxVoicemailJob>().RunAsync(CancellationToken.None);

    public static async Task<IReadOnlyList<VoicemailMessage>> UnheardAsync(this PresenceBotApplication app, string personId) =>
        (await app.Services.GetRequiredService<IVoicemailLedger>().ForPersonAsync(personId, CancellationToken.None)).Unheard;
}
