using System.Globalization;
using PresenceBot.Bot.Conversation.Cards;
using PresenceBot.Bot.Conversation.Parsing;
using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Bot.Conversation;

/// <summary>
/// Reads a submitted set-referral form. Every problem is collected (Swedish), so the card can show them all at once;
/// the service's own rules are checked again when it is stored.
/// </summary>
internal static class ReferralForm
{
    public const int MaxNoteLength = 200;

    public static ReferralFormSubmission Read(CardData data, TimeContext time)
    {
        var errors = new List<string>();
        Reason? reason = ReasonCatalog.TryParse(data[ReferralFormCard.ReasonKey], out var r) ? r : null;
        if (reason is null)
        {
            errors.Add("Välj en orsak.");
        }

        var until = ReturnTimeInput.Read(data, time);
        if (until.Error is { } untilError)
        {
            errors.Add(untilError);
        }
        else if (until.Until <= time.Now)
        {
            errors.Add("Tiden har redan passerat. Välj en tid som ligger framåt.");
        }

        var note = data[ReferralFormCard.NoteKey];
        if (note is { Length: > MaxNoteLength })
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Anteckningen får vara högst {MaxNoteLength} tecken."));
        }

        PhoneState? phone = data[ReferralFormCard.PhoneKey] switch
        {
            "open" => PhoneState.Open,
            "closed" => PhoneState.Closed,
            _ => null,
        };
        return new ReferralFormSubmission(reason, until.Until, phone, note, errors, Echo(data));
    }

    /// <summary>The person's own entries, to show again beside the errors rather than making them start over.</summary>
    private static ReferralFormValues Echo(CardData data) => new(
        data[ReferralFormCard.ReasonKey],
        DateOnly.TryParseExact(data[ReturnTimeInput.DateKey], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
        TimeOnly.TryParseExact(data[ReturnTimeInput.TimeKey], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock) ? clock : null,
        data[ReferralFormCard.PhoneKey],
        data[ReferralFormCard.NoteKey]);
}
