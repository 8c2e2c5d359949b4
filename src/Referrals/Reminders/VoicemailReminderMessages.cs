using System.Globalization;
using NodaTime;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Voicemail;

namespace PresenceBot.Referrals.Reminders;

/// <summary>
/// Words the voicemail reminders in Swedish: the count, the oldest message's age and — since the message goes to the
/// owner only — who called.
/// </summary>
public static class VoicemailReminderMessages
{
    public static ReminderMessage Compose(Person owner, VoicemailReminderDue due, PersonVoicemails voicemails, Instant now, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(due);
        ArgumentNullException.ThrowIfNull(voicemails);
        var today = now.InZone(zone).Date;
        var unheard = voicemails.Unheard;
        var oldest = unheard.MinBy(m => m.ReceivedAt) ?? throw new ArgumentException("Nothing unheard to remind of.", nameof(voicemails));
        var count = Count(unheard.Count);
        var (it, them) = unheard.Count == 1 ? ("det", "det") : ("det äldsta", "dem");
        var (title, text) = due.Kind switch
        {
            ReminderKind.VoicemailLastCall => LastCall(unheard.Count(m => m.ReceivedAt.InZone(zone).Date == today)),
            ReminderKind.VoicemailDigest => (
                $"Röstbrevlådan: {count}",
                $"{Capital(it)} kom {Since(oldest.ReceivedAt, zone, today)}. Lyssna av {them} och ring tillbaka i dag."),
            _ => (
                $"Du har {count}",
                $"{Capital(it)} har väntat i {SwedishTime.AgeInWords(now - oldest.ReceivedAt)}. Lyssna av {them} och ring tillbaka i dag."),
        };

        var facts = new List<ReminderFact>
        {
            new("Antal", unheard.Count.ToString(CultureInfo.InvariantCulture)),
            new("Äldsta", $"{SwedishTime.Day(oldest.ReceivedAt.InZone(zone).Date, today)} klockan {SwedishTime.Clock(oldest.ReceivedAt, zone)}"),
        };
        var callers = unheard.Select(m => m.Caller).OfType<string>().Where(c => c.Length > 0).Distinct().ToList();
        if (callers.Count > 0)
        {
            facts.Add(new ReminderFact("Från", string.Join(", ", callers)));
        }

        return new ReminderMessage
        {
            Kind = due.Kind,
            RecipientId = owner.Id,
            Subject = owner.Id,
            Slot = due.Slot,
            Title = title,
            Text = text,
            Facts = facts,
            Actions = [ReminderAction.MarkVoicemailHeard, ReminderAction.SnoozeVoicemail],
            DueAt = due.DueAt,
        };
    }

    /// <summary>"ett olyssnat röstmeddelande", "3 olyssnade röstmeddelanden".</summary>
    private static string Count(int n) => n == 1
        ? "ett olyssnat röstmeddelande"
        : string.Create(CultureInfo.InvariantCulture, $"{n} olyssnade röstmeddelanden");

    private static (string Title, string Text) LastCall(int fromToday) => (
        "Ring tillbaka i dag",
        fromToday == 1
            ? "Du har ett röstmeddelande från i dag som du inte har lyssnat på. Lyssna av det och ring tillbaka innan arbetsdagen är slut."
            : string.Create(CultureInfo.InvariantCulture,
                $"Du har {fromToday} röstmeddelanden från i dag som du inte har lyssnat på. Lyssna av dem och ring tillbaka innan arbetsdagen är slut."));

    private static string Capital(string text) => string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));

    private static string Since(Instant instant, DateTimeZone zone, LocalDate today) =>
        $"{SwedishTime.Day(instant.InZone(zone).Date, today)} klockan {SwedishTime.Clock(instant, zone)}";
}
