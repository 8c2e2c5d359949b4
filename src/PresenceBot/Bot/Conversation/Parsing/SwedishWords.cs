using System.Collections.Frozen;
using NodaTime;

namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>
/// The vocabulary of times and days, keyed by folded spelling (see <see cref="Folding"/>), with the English words
/// people also type. Output names are hand-coded rather than taken from CultureInfo("sv-SE"): a server in
/// invariant-globalization mode would silently answer in English.
/// </summary>
internal static class SwedishWords
{
    /// <summary>Hours on a clock face, for "halv fyra", "kvart över tre", "till tre".</summary>
    public static readonly FrozenDictionary<string, int> Hours = new Dictionary<string, int>
    {
        ["ett"] = 1, ["tva"] = 2, ["tre"] = 3, ["fyra"] = 4, ["fem"] = 5, ["sex"] = 6,
        ["sju"] = 7, ["atta"] = 8, ["nio"] = 9, ["tio"] = 10, ["elva"] = 11, ["tolv"] = 12,
    }.ToFrozenDictionary();

    /// <summary>Minutes before or after an hour: "fem över", "tio i", "kvart över", "tjugo i".</summary>
    public static readonly FrozenDictionary<string, int> ClockMinutes = new Dictionary<string, int>
    {
        ["fem"] = 5, ["tio"] = 10, ["kvart"] = 15, ["tjugo"] = 20,
    }.ToFrozenDictionary();

    /// <summary>Counts in durations: "en timme", "två timmar", "tre kvart".</summary>
    public static readonly FrozenDictionary<string, int> Counts = new Dictionary<string, int>
    {
        ["en"] = 1, ["ett"] = 1, ["tva"] = 2, ["tre"] = 3, ["fyra"] = 4, ["fem"] = 5, ["sex"] = 6,
        ["sju"] = 7, ["atta"] = 8, ["nio"] = 9, ["tio"] = 10, ["elva"] = 11, ["tolv"] = 12,
        ["femton"] = 15, ["tjugo"] = 20, ["trettio"] = 30, ["fyrtio"] = 40, ["fyrtiofem"] = 45, ["nittio"] = 90,
        ["an"] = 1, ["a"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5,
    }.ToFrozenDictionary();

    /// <summary>Minutes per unit: "min", "timmar", "kvart" (tre kvart = 45 min), "halvtimme".</summary>
    public static readonly FrozenDictionary<string, int> UnitMinutes = new Dictionary<string, int>
    {
        ["m"] = 1, ["min"] = 1, ["mins"] = 1, ["minut"] = 1, ["minuter"] = 1, ["minute"] = 1, ["minutes"] = 1,
        ["h"] = 60, ["t"] = 60, ["tim"] = 60, ["timme"] = 60, ["timma"] = 60, ["timmar"] = 60,
        ["hour"] = 60, ["hours"] = 60, ["hr"] = 60, ["hrs"] = 60,
        ["kvart"] = 15, ["halvtimme"] = 30, ["halvtimma"] = 30,
    }.ToFrozenDictionary();

    public static readonly FrozenDictionary<string, IsoDayOfWeek> Weekdays = new Dictionary<string, IsoDayOfWeek>
    {
        ["mandag"] = IsoDayOfWeek.Monday, ["man"] = IsoDayOfWeek.Monday, ["monday"] = IsoDayOfWeek.Monday, ["mon"] = IsoDayOfWeek.Monday,
        ["tisdag"] = IsoDayOfWeek.Tuesday, ["tis"] = IsoDayOfWeek.Tuesday, ["tuesday"] = IsoDayOfWeek.Tuesday, ["tue"] = IsoDayOfWeek.Tuesday,
        ["onsdag"] = IsoDayOfWeek.Wednesday, ["ons"] = IsoDayOfWeek.Wednesday, ["wednesday"] = IsoDayOfWeek.Wednesday, ["wed"] = IsoDayOfWeek.Wednesday,
        ["torsdag"] = IsoDayOfWeek.Thursday, ["tors"] = IsoDayOfWeek.Thursday, ["tor"] = IsoDayOfWeek.Thursday, ["thursday"] = IsoDayOfWeek.Thursday, ["thu"] = IsoDayOfWeek.Thursday,
        ["fredag"] = IsoDayOfWeek.Friday, ["fre"] = IsoDayOfWeek.Friday, ["friday"] = IsoDayOfWeek.Friday, ["fri"] = IsoDayOfWeek.Friday,
        ["lordag"] = IsoDayOfWeek.Saturday, ["lor"] = IsoDayOfWeek.Saturday, ["saturday"] = IsoDayOfWeek.Saturday, ["sat"] = IsoDayOfWeek.Saturday,
        ["sondag"] = IsoDayOfWeek.Sunday, ["son"] = IsoDayOfWeek.Sunday, ["sunday"] = IsoDayOfWeek.Sunday, ["sun"] = IsoDayOfWeek.Sunday,
    }.ToFrozenDictionary();

    public static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>
    {
        ["januari"] = 1, ["jan"] = 1, ["january"] = 1,
        ["februari"] = 2, ["feb"] = 2, ["february"] = 2,
        ["mars"] = 3, ["mar"] = 3, ["march"] = 3,
        ["april"] = 4, ["apr"] = 4,
        ["maj"] = 5, ["may"] = 5,
        ["juni"] = 6, ["jun"] = 6, ["june"] = 6,
        ["juli"] = 7, ["jul"] = 7, ["july"] = 7,
        ["augusti"] = 8, ["aug"] = 8, ["august"] = 8,
        ["september"] = 9, ["sep"] = 9, ["sept"] = 9,
        ["oktober"] = 10, ["okt"] = 10, ["october"] = 10, ["oct"] = 10,
        ["november"] = 11, ["nov"] = 11,
        ["december"] = 12, ["dec"] = 12,
    }.ToFrozenDictionary();

    /// <summary>Indexed by IsoDayOfWeek (Monday = 1).</summary>
    public static readonly IReadOnlyList<string> WeekdayNames =
        ["", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"];

    /// <summary>Indexed by month (January = 1).</summary>
    public static readonly IReadOnlyList<string> MonthNames =
    [
        "", "januari", "februari", "mars", "april", "maj", "juni",
        "juli", "augusti", "september", "oktober", "november", "december",
    ];
}
