using System.Globalization;
using NodaTime;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Referrals.Talsvar;

/// <summary>
/// Composes the spoken referral (talsvar): "Kim Krona, Lycksele kommun, är på sammanträde och återkommer klockan 15.00."
/// Pure: the caller passes "now" and the zone, so the text is the same wherever and whenever it is computed.
/// </summary>
public static class TalsvarText
{
    // Hand-coded rather than CultureInfo("sv-SE"): servers running in invariant-globalization mode (no ICU)
    // would silently fall back to English names. Indexed by IsoDayOfWeek (Monday = 1) and month (January = 1).
    private static readonly string[] Weekdays =
        ["", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"];

    private static readonly string[] Months =
    [
        "", "januari", "februari", "mars", "april", "maj", "juni",
        "juli", "augusti", "september", "oktober", "november", "december",
    ];

    /// <summary>
    /// The whole sentence. The unit is spoken only when the unit asks for it, and the reason always goes through
    /// <see cref="ReasonCatalog.Phrase"/>, which never speaks sickness. With a forwarding in force it ends
    /// "… och samtalet kopplas till Ida Berg."
    /// </summary>
    public static string Compose(Person person, Reason reason, Instant returnsAt, Instant now, DateTimeZone zone, Person? forwardedTo = null)
    {
        ArgumentNullException.ThrowIfNull(person);

        var unit = person.Unit.SpokenInTalsvar ? $", {person.Unit.Name}" : "";
        var forwarded = forwardedTo is null ? "" : $" och samtalet kopplas till {forwardedTo.Name}";
        return $"{person.Name}, {person.Municipality.Name}{unit}, {ReasonCatalog.Phrase(reason)} och återkommer {When(returnsAt, now, zone)}{forwarded}.";
    }

    /// <summary>The Swedish name of a month (1 = januari), independent of the server's culture data.</summary>
    public static string MonthName(int month) => Months[month];

    /// <summary>
    /// When the person is back, relative to the local date of <paramref name="now"/> in <paramref name="zone"/>:
    /// "klockan 15.00" (today), "i morgon klockan 08.00", "på måndag klockan 08.00" (2–6 days ahead),
    /// "den 1 december klockan 08.00" (later), with the year added when it is not now's year.
    /// A return time before <paramref name="now"/> should not happen (the referral should have ended). It is still
    /// spoken, as just "klockan HH.mm" of its own local date, so the sentence stays well-formed and never names a
    /// day that has already passed as if it were ahead ("på måndag" for last Monday would send callers wrong).
    /// Seconds are dropped: the caller hears minutes.
    /// </summary>
    public static string When(Instant returnsAt, Instant now, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);

        var today = now.InZone(zone).Date;
        var back = returnsAt.InZone(zone).LocalDateTime;
        var clock = string.Create(CultureInfo.InvariantCulture, $"klockan {back.Hour:D2}.{back.Minute:D2}");
        var daysAhead = Period.DaysBetween(today, back.Date);

        return daysAhead switch
        {
            <= 0 => clock,
            1 => $"i morgon {clock}",
            <= 6 => $"på {Weekdays[(int)back.DayOfWeek]} {clock}",
            _ when back.Year == today.Year => string.Create(
                CultureInfo.InvariantCulture, $"den {back.Day} {Months[back.Month]} {clock}"),
            _ => string.Create(
                CultureInfo.InvariantCulture, $"den {back.Day} {Months[back.Month]} {back.Year} {clock}"),
        };
    }
}
