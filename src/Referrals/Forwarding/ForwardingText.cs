using NodaTime;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Reminders;

namespace PresenceBot.Referrals.Forwarding;

/// <summary>
/// The Swedish sentences of forwarding, pure like the talsvar: times as "15.00", with the day in front when it is not
/// today ("i morgon 08.00–10.00").
/// </summary>
public static class ForwardingText
{
    /// <summary>"Ida Berg är upptagen 13.00–14.00": when and in a word, never why.</summary>
    public static string Stretch(Person colleague, UnreachableStretch stretch, Instant now, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(colleague);
        ArgumentNullException.ThrowIfNull(stretch);
        return $"{colleague.Name} är {stretch.Word} {Span(stretch.From, stretch.To, now, zone)}";
    }

    /// <summary>
    /// To the colleague: "Samtal till Kim Krona kopplas till dig till 15.00", or with a later start "… kopplas till dig
    /// från i morgon 08.00 till i morgon 15.00".
    /// </summary>
    public static string ToColleague(Person person, Instant until, Instant now, DateTimeZone zone, Instant? from = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        var start = from is { } f && f > now ? $" från {At(f, now, zone)}" : "";
        return $"Samtal till {person.Name} kopplas till dig{start} till {At(until, now, zone)}";
    }

    /// <summary>To the person: "Samtal till dig kopplas till Ida Berg till 15.00".</summary>
    public static string ToPerson(Person colleague, Instant until, Instant now, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(colleague);
        return $"Samtal till dig kopplas till {colleague.Name} till {At(until, now, zone)}";
    }

    /// <summary>"15.00" today, "i morgon 08.00", "tisdag 24/11 13.00".</summary>
    public static string At(Instant instant, Instant now, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = now.InZone(zone).Date;
        var date = instant.InZone(zone).Date;
        var clock = SwedishTime.Clock(instant, zone);
        return date == today ? clock : $"{SwedishTime.Day(date, today)} {clock}";
    }

    /// <summary>"13.00–14.00", "i morgon 08.00–10.00", or "13.00–i morgon 08.00" across days.</summary>
    public static string Span(Instant from, Instant to, Instant now, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return from.InZone(zone).Date == to.InZone(zone).Date
            ? SwedishTime.Span(new Interval(from, to), zone, now.InZone(zone).Date)
            : $"{At(from, now, zone)}–{At(to, now, zone)}";
    }
}
