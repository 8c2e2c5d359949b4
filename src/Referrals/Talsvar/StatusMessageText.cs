using System.Globalization;
using NodaTime;
using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Referrals.Talsvar;

/// <summary>
/// What colleagues read as the person's Teams status message: what callers hear, without the name (Teams shows it
/// beside the message) — "Är på sammanträde och återkommer klockan 15.00." Unlike the talsvar, which is composed again
/// for every call, a status message stays up until it expires, so a return on another day is said by its date, never
/// "i morgon", which would be wrong after midnight.
/// </summary>
public static class StatusMessageText
{
    public static string Compose(Reason reason, Instant returnsAt, Instant now, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var phrase = ReasonCatalog.Phrase(reason);
        var back = returnsAt.InZone(zone).LocalDateTime;
        var when = back.Date == now.InZone(zone).Date
            ? TalsvarText.When(returnsAt, now, zone)
            : string.Create(CultureInfo.InvariantCulture, $"den {back.Day} {TalsvarText.MonthName(back.Month)} klockan {back.Hour:D2}.{back.Minute:D2}");
        return $"{char.ToUpperInvariant(phrase[0])}{phrase[1..]} och återkommer {when}.";
    }
}
