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
        var (title, text) = due.Kind switch
        {
            ReminderKind.VoicemailLastCall => (
                "Ring tillbaka i dag",
                $"{Count(unheard.Count(m => m.ReceivedAt.InZone(zone).Date == today), capital: true)} från i dag är inte avlyssnade. Lyssna av och ring tillbaka innan arbetsdagen är slut."),
            ReminderKind.VoicemailDigest => (
                $"Röstbrevlådan: {count}",
                $"Sedan {Since(oldest.ReceivedAt, zone, today)} har du {count}. Lyssna av och ring tillbaka i dag."),
            _ => (
                $"Du har {count}",
                $"Det äldsta har väntat i {SwedishTime.Age(now - oldest.ReceivedAt)}. Lyssna av och ring tillbaka i dag."),
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

    private static string Count(int n, bool capital = false) => n == 1
        ? (capital ? "Ett ej avlyssnat röstmeddelande" : "ett ej avlyssnat röstmeddelande")
        : string.Create(CultureInfo.InvariantCulture, $"{n} ej avlyssnade röstmeddelanden");

    private static string Since(Instant instant, DateTimeZone zone, LocalDate today) =>
        $"{SwedishTime.Day(instant.InZone(zone).Date, today)} klockan {SwedishTime.Clock(instant, zone)}";
}
