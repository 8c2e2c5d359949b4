using System.Globalization;
using NodaTime;
using NodaTime.Text;
using PresenceBot.Bot.Conversation.Parsing;

namespace PresenceBot.Bot.Conversation;

/// <summary>
/// A card's date and time inputs read as a return time in the writer's zone. A date alone means back at the start of
/// that working day (as "till måndag" does); a time alone means today.
/// </summary>
internal static class ReturnTimeInput
{
    public const string DateKey = "date";
    public const string TimeKey = "time";

    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public static ReturnTime Read(CardData data, TimeContext time)
    {
        var dateText = data[DateKey];
        var timeText = data[TimeKey];
        if (dateText is null && timeText is null)
        {
            return ReturnTime.Refused("Välj ett datum eller en tid då du är tillbaka.");
        }

        var date = dateText is null ? time.Now.InZone(time.Zone).Date : DatePattern.Parse(dateText) is { Success: true } d ? d.Value : (LocalDate?)null;
        if (date is not { } day)
        {
            return ReturnTime.Refused(string.Create(CultureInfo.InvariantCulture, $"Datumet \"{dateText}\" kunde inte läsas. Välj ett datum i kalendern."));
        }

        if (timeText is null)
        {
            return ReturnTime.At(time.Calendar.StartOfWorkingDay(day));
        }

        // Teams sends "HH:mm", some clients "HH:mm:ss": the seconds are of no interest to callers.
        var clock = TimePattern.Parse(timeText.Length > 5 ? timeText[..5] : timeText);
        return clock.Success
            ? ReturnTime.At(day.At(clock.Value).InZoneLeniently(time.Zone).ToInstant())
            : ReturnTime.Refused($"Tiden \"{timeText}\" kunde inte läsas. Skriv den som 15:30.");
    }
}
