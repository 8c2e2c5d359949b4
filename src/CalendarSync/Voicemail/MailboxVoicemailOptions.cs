using System.ComponentModel.DataAnnotations;

namespace PresenceBot.CalendarSync.Voicemail;

/// <summary>
/// Reading voicemail from mailboxes (section <c>Voicemail:Mailbox</c>): which message classes are voicemail, how often
/// the inboxes of the people who have it (<c>voicemailFromMailbox</c> in the organisation file) are read, and how old
/// an unread voicemail may be and still be taken in when first seen.
/// </summary>
public sealed class MailboxVoicemailOptions : IValidatableObject
{
    public const string SectionName = "Voicemail:Mailbox";

    /// <summary>Teams (cloud voicemail) files a call-answering message as UM.CA and one left without a ring as UM.</summary>
    public static readonly IReadOnlyList<string> TeamsVoicemailClasses = ["IPM.Note.Microsoft.Voicemail.UM.CA", "IPM.Note.Microsoft.Voicemail.UM"];

    private const int MaxMessageClasses = 10;

    /// <summary>Empty (the default) = <see cref="TeamsVoicemailClasses"/>. A list, when given, replaces them.</summary>
    public string[]? MessageClasses { get; set; }

    /// <summary>Whole minutes that divide an hour, so the schedule is even (the reminders fire at 30 minutes).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>An unread voicemail older than this when first seen is not taken in: switching the source on must not turn a backlog into reminders.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan IgnoreOlderThan { get; set; } = TimeSpan.FromDays(7);

    public IReadOnlyList<string> VoicemailClasses => MessageClasses is { Length: > 0 } classes ? classes : TeamsVoicemailClasses;

    /// <summary>The Hangfire schedule for <see cref="PollInterval"/>.</summary>
    public string Cron => PollInterval.TotalMinutes >= 60 ? "0 * * * *" : $"*/{(int)PollInterval.TotalMinutes} * * * *";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var minutes = PollInterval.TotalMinutes;
        if (minutes is < 1 or > 60 || minutes != Math.Floor(minutes) || 60 % (int)minutes != 0)
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(PollInterval)} '{PollInterval}' must be whole minutes that divide an hour (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60).",
                [nameof(PollInterval)]);
        }

        if (MessageClasses is { Length: > MaxMessageClasses })
        {
            yield return new ValidationResult($"{SectionName}:{nameof(MessageClasses)} may name at most {MaxMessageClasses} classes.", [nameof(MessageClasses)]);
        }

        // Graph's message class (PR_MESSAGE_CLASS) is printable ASCII, at most 255 characters.
        foreach (var bad in (MessageClasses ?? []).Where(c => string.IsNullOrWhiteSpace(c) || c.Length > 255 || c.Any(ch => ch is < ' ' or > '~')))
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(MessageClasses)} '{bad}' is not a message class (printable ASCII like IPM.Note.Microsoft.Voicemail.UM.CA).",
                [nameof(MessageClasses)]);
        }
    }
}
