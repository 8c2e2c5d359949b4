using NodaTime;
using PresenceBot.Bot.Conversation.Parsing;

namespace PresenceBot.Bot.Conversation;

/// <summary>The quick picks of the card that asks for a missing end, resolved against the turn's time context.</summary>
internal static class EndPick
{
    public const string InAnHour = "hour";
    public const string AtThree = "15";
    public const string EndOfWorkingDay = "workday";
    public const string TomorrowMorning = "morning";
    public const string Chosen = "chosen";

    /// <summary>The end the pick means, or a Swedish reason it can't be used; the service still checks it is ahead.</summary>
    public static ReturnTime Resolve(string? pick, CardData data, TimeContext time)
    {
        var today = time.Now.InZone(time.Zone).Date;
        return pick switch
        {
            InAnHour => ReturnTime.At(time.Now + Duration.FromHours(1)),
            AtThree => Ahead(today.At(new LocalTime(15, 0)).InZoneLeniently(time.Zone).ToInstant(), time, "Klockan 15.00 har redan passerat i dag."),
            EndOfWorkingDay => Ahead(time.Calendar.EndOfWorkingDay(today), time, "Arbetsdagen är redan slut i dag."),
            TomorrowMorning => ReturnTime.At(time.Calendar.StartOfWorkingDay(time.Calendar.NextWorkingDayAfter(today))),
            _ => ReturnTimeInput.Read(data, time),
        };
    }

    /// <summary>
    /// The quick picks worth offering now, with their buttons' titles: "15.00" and "Slutet av arbetsdagen" only while
    /// still ahead today, and the next working morning named by its day when it is not tomorrow ("Måndag morgon").
    /// </summary>
    public static IReadOnlyList<(string Title, string Pick)> Offered(TimeContext time)
    {
        var today = time.Now.InZone(time.Zone).Date;
        var offered = new List<(string Title, string Pick)> { ("Om en timme", InAnHour) };
        if (today.At(new LocalTime(15, 0)).InZoneLeniently(time.Zone).ToInstant() > time.Now)
        {
            offered.Add(("15.00", AtThree));
        }

        if (time.Calendar.IsWorkingDay(today) && time.Calendar.EndOfWorkingDay(today) > time.Now)
        {
            offered.Add(("Slutet av arbetsdagen", EndOfWorkingDay));
        }

        var next = time.Calendar.NextWorkingDayAfter(today);
        offered.Add((next == today.PlusDays(1) ? "I morgon bitti" : $"{char.ToUpperInvariant(SwedishWords.WeekdayNames[(int)next.DayOfWeek][0])}{SwedishWords.WeekdayNames[(int)next.DayOfWeek][1..]} morgon", TomorrowMorning));
        return offered;
    }

    private static ReturnTime Ahead(Instant until, TimeContext time, string pastMessage) =>
        until > time.Now ? ReturnTime.At(until) : ReturnTime.Refused($"{pastMessage} Välj en annan tid.");
}
