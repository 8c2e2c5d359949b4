using PresenceBot.Bot.Conversation.Parsing;
using static PresenceBot.Tests.Bot.Conversation.Parsing.ParsingFixtures;

namespace PresenceBot.Tests.Bot.Conversation.Parsing;

/// <summary>
/// The table the issue asks for: Swedish time expressions, each read at a fixed Stockholm wall-clock "now" with
/// working hours Mon–Fri 08:00–17:00. Expected is the local return time ("… from …" when the absence starts later),
/// or the kind of refusal. Anchors: a Friday afternoon before the October DST change (Sunday 2026-10-25), that
/// Sunday itself, the Monday after, a Friday before the March change (2026-03-29), the day before julafton and the
/// day before Kristi himmelsfärdsdag, and an ordinary Tuesday in week 48.
/// </summary>
public sealed class TimeExpressionTableTests
{
    private const string FridayAfternoon = "2026-10-23T13:00";
    private const string FridayLate = "2026-10-23T16:00";
    private const string DstSunday = "2026-10-25T10:00";
    private const string DstSundayNight = "2026-10-25T01:30";
    private const string MondayEarly = "2026-10-26T07:30";
    private const string FridayBeforeSpring = "2026-03-27T14:00";
    private const string BeforeJulafton = "2026-12-23T10:00";
    private const string BeforeAscension = "2026-05-13T15:00";
    private const string Tuesday = "2026-11-24T10:00";

    public static TheoryData<string, string, string> Rows => new()
    {
        // Friday 2026-10-23 13:00 (week 43); Monday 26 is after the change to CET.
        { FridayAfternoon, "till 15:00", "2026-10-23T15:00" },
        { FridayAfternoon, "till 15", "2026-10-23T15:00" },
        { FridayAfternoon, "till kl. 15.30", "2026-10-23T15:30" },
        { FridayAfternoon, "till kl 15", "2026-10-23T15:00" },
        { FridayAfternoon, "till kl 15:30", "2026-10-23T15:30" },
        { FridayAfternoon, "till 15.30", "2026-10-23T15:30" },
        { FridayAfternoon, "till klockan 14", "2026-10-23T14:00" },
        { FridayAfternoon, "till kvart över tre", "2026-10-23T15:15" },
        { FridayAfternoon, "till kvart i fyra", "2026-10-23T15:45" },
        { FridayAfternoon, "till halv fyra", "2026-10-23T15:30" },
        { FridayAfternoon, "till tio i fyra", "2026-10-23T15:50" },
        { FridayAfternoon, "till fem i halv fyra", "2026-10-23T15:25" },
        { FridayAfternoon, "till fem över halv fyra", "2026-10-23T15:35" },
        { FridayAfternoon, "till halv fem", "2026-10-23T16:30" },
        { FridayAfternoon, "till 3", "2026-10-23T15:00" },
        { FridayAfternoon, "till 16", "2026-10-23T16:00" },
        { FridayAfternoon, "till 17", "2026-10-26T08:00" },
        { FridayAfternoon, "till fem", "2026-10-26T08:00" },
        { FridayAfternoon, "till 12", "Past" },
        { FridayAfternoon, "till 8", "Past" },
        { FridayAfternoon, "till 03:00", "Past" },
        { FridayAfternoon, "i 45 min", "2026-10-23T13:45" },
        { FridayAfternoon, "i 2 timmar", "2026-10-23T15:00" },
        { FridayAfternoon, "en timme", "2026-10-23T14:00" },
        { FridayAfternoon, "en halvtimme", "2026-10-23T13:30" },
        { FridayAfternoon, "i tre kvart", "2026-10-23T13:45" },
        { FridayAfternoon, "om en kvart", "2026-10-23T13:15" },
        { FridayAfternoon, "i en och en halv timme", "2026-10-23T14:30" },
        { FridayAfternoon, "i 1,5 timmar", "2026-10-23T14:30" },
        { FridayAfternoon, "i 90 minuter", "2026-10-23T14:30" },
        { FridayAfternoon, "i 5 timmar", "2026-10-26T08:00" },
        { FridayAfternoon, "resten av dagen", "2026-10-26T08:00" },
        { FridayAfternoon, "hela dagen", "2026-10-26T08:00" },
        { FridayAfternoon, "idag", "2026-10-26T08:00" },
        { FridayAfternoon, "i dag", "2026-10-26T08:00" },
        { FridayAfternoon, "till i morgon", "2026-10-26T08:00" },
        { FridayAfternoon, "till imorgon", "2026-10-26T08:00" },
        { FridayAfternoon, "till i morgon 10", "2026-10-26T08:00" },
        { FridayAfternoon, "till i övermorgon", "2026-10-26T08:00" },
        { FridayAfternoon, "till måndag", "2026-10-26T08:00" },
        { FridayAfternoon, "till mandag", "2026-10-26T08:00" },
        { FridayAfternoon, "till måndag kl 10", "2026-10-26T10:00" },
        { FridayAfternoon, "till fredag", "2026-10-30T08:00" },
        { FridayAfternoon, "till fredag 15:00", "2026-10-23T15:00" },
        { FridayAfternoon, "till fredag 12:00", "2026-10-30T12:00" },
        { FridayAfternoon, "t.o.m. fredag", "2026-11-02T08:00" },
        { FridayAfternoon, "tom måndag", "2026-10-27T08:00" },
        { FridayAfternoon, "till nästa vecka", "2026-10-26T08:00" },
        { FridayAfternoon, "till nästa fredag", "2026-10-30T08:00" },
        { FridayAfternoon, "nästa måndag", "2026-10-27T08:00 from 2026-10-26T00:00" },
        { FridayAfternoon, "resten av veckan", "2026-10-26T08:00" },
        { FridayAfternoon, "vecka 43", "2026-10-26T08:00" },
        { FridayAfternoon, "vecka 49", "2026-12-07T08:00 from 2026-11-30T00:00" },
        { FridayAfternoon, "vecka 53", "2027-01-04T08:00 from 2026-12-28T00:00" },
        { FridayAfternoon, "till vecka 45", "2026-11-02T08:00" },
        { FridayAfternoon, "t.o.m. vecka 44", "2026-11-02T08:00" },
        { FridayAfternoon, "till 2026-12-01", "2026-12-01T08:00" },
        { FridayAfternoon, "till 1/12", "2026-12-01T08:00" },
        { FridayAfternoon, "till den 3 december", "2026-12-03T08:00" },
        { FridayAfternoon, "till 3 dec", "2026-12-03T08:00" },
        { FridayAfternoon, "till den 3:e december", "2026-12-03T08:00" },
        { FridayAfternoon, "till 25:00", "Impossible" },
        { FridayAfternoon, "till 15:75", "Impossible" },
        { FridayAfternoon, "till 31/2", "Impossible" },
        { FridayAfternoon, "vecka 54", "Impossible" },
        { FridayAfternoon, "vecka 41", "Past" },
        { FridayAfternoon, "i 0 min", "Impossible" },
        { FridayAfternoon, "till fikat", "NotUnderstood" },
        { FridayAfternoon, "", "Missing" },

        // Friday 16:00: the afternoon reading of "3" has passed too.
        { FridayLate, "till 3", "Past" },
        { FridayLate, "till 15", "Past" },
        { FridayLate, "till 16:30", "2026-10-23T16:30" },
        { FridayLate, "till halv fem", "2026-10-23T16:30" },
        { FridayLate, "till kvart över fyra", "2026-10-23T16:15" },
        { FridayLate, "i 45 min", "2026-10-23T16:45" },
        { FridayLate, "i en timme", "2026-10-26T08:00" },
        { FridayLate, "till måndag", "2026-10-26T08:00" },
        { FridayLate, "t.o.m. måndag", "2026-10-27T08:00" },

        // Sunday 2026-10-25, the day clocks go back; and its night, before the change.
        { DstSunday, "till i morgon", "2026-10-26T08:00" },
        { DstSunday, "idag", "2026-10-26T08:00" },
        { DstSunday, "till 15", "2026-10-26T08:00" },
        { DstSunday, "i 2 timmar", "2026-10-26T08:00" },
        { DstSunday, "till fredag", "2026-10-30T08:00" },
        { DstSunday, "t.o.m. fredag", "2026-11-02T08:00" },
        { DstSundayNight, "till måndag 9", "2026-10-26T09:00" },
        { DstSundayNight, "till i morgon kl. 8", "2026-10-26T08:00" },

        // Monday 2026-10-26 07:30, before working hours.
        { MondayEarly, "till 9", "2026-10-26T09:00" },
        { MondayEarly, "till 3", "2026-10-26T15:00" },
        { MondayEarly, "till halv nio", "2026-10-26T08:30" },
        { MondayEarly, "till 12:00", "2026-10-26T12:00" },
        { MondayEarly, "till 7", "Past" },
        { MondayEarly, "till sju", "Past" },
        { MondayEarly, "i 2 timmar", "2026-10-26T09:30" },
        { MondayEarly, "resten av dagen", "2026-10-27T08:00" },

        // Friday 2026-03-27 14:00 (CET); clocks go forward on Sunday 29.
        { FridayBeforeSpring, "till måndag", "2026-03-30T08:00" },
        { FridayBeforeSpring, "till måndag 9.30", "2026-03-30T09:30" },
        { FridayBeforeSpring, "t.o.m. söndag", "2026-03-30T08:00" },
        { FridayBeforeSpring, "hela dagen", "2026-03-30T08:00" },
        { FridayBeforeSpring, "till halv fyra", "2026-03-27T15:30" },
        { FridayBeforeSpring, "till 2026-03-29 02:30", "2026-03-30T08:00" },
        { FridayBeforeSpring, "i 2 timmar", "2026-03-27T16:00" },
        { FridayBeforeSpring, "i 3 timmar", "2026-03-30T08:00" },

        // Wednesday 2026-12-23; 24–26 December are holidays and 27 a Sunday.
        { BeforeJulafton, "till i morgon", "2026-12-28T08:00" },
        { BeforeJulafton, "resten av dagen", "2026-12-28T08:00" },
        { BeforeJulafton, "t.o.m. i morgon", "2026-12-28T08:00" },
        { BeforeJulafton, "till fredag", "2026-12-28T08:00" },
        { BeforeJulafton, "till den 24 december", "2026-12-28T08:00" },
        { BeforeJulafton, "till 15", "2026-12-23T15:00" },
        { BeforeJulafton, "i 45 min", "2026-12-23T10:45" },
        { BeforeJulafton, "till 1/1", "2027-01-04T08:00" },
        { BeforeJulafton, "till 2/1", "2027-01-04T08:00" },
        { BeforeJulafton, "vecka 1", "2027-01-11T08:00 from 2027-01-04T00:00" },
        { BeforeJulafton, "till 23/12", "Past" },
        { BeforeJulafton, "till 20/12", "Past" },

        // Wednesday 2026-05-13 15:00; Thursday 14 is Kristi himmelsfärdsdag.
        { BeforeAscension, "till i morgon", "2026-05-15T08:00" },
        { BeforeAscension, "hela dagen", "2026-05-15T08:00" },
        { BeforeAscension, "till torsdag", "2026-05-15T08:00" },
        { BeforeAscension, "t.o.m. torsdag", "2026-05-15T08:00" },
        { BeforeAscension, "t.o.m. fredag", "2026-05-18T08:00" },
        { BeforeAscension, "till fredag kl 10", "2026-05-15T10:00" },
        { BeforeAscension, "till i morgon 10", "2026-05-15T08:00" },
        { BeforeAscension, "till halv fem", "2026-05-13T16:30" },
        { BeforeAscension, "till kvart över tre", "2026-05-13T15:15" },
        { BeforeAscension, "till 3", "Past" },
        { BeforeAscension, "till 15:01", "2026-05-13T15:01" },

        // Tuesday 2026-11-24 10:00, week 48.
        { Tuesday, "vecka 49", "2026-12-07T08:00 from 2026-11-30T00:00" },
        { Tuesday, "v.49", "2026-12-07T08:00 from 2026-11-30T00:00" },
        { Tuesday, "till vecka 49", "2026-11-30T08:00" },
        { Tuesday, "t.o.m. vecka 49", "2026-12-07T08:00" },
        { Tuesday, "vecka 49 2027", "2027-12-13T08:00 from 2027-12-06T00:00" },
        { Tuesday, "vecka 47", "Past" },
        { Tuesday, "vecka", "NotUnderstood" },
        { Tuesday, "till och med 4/12", "2026-12-07T08:00" },
        { Tuesday, "tom fredag", "2026-11-30T08:00" },
        { Tuesday, "t o m fredag", "2026-11-30T08:00" },
        { Tuesday, "t.o.m. idag", "2026-11-25T08:00" },
        { Tuesday, "till fredag", "2026-11-27T08:00" },
        { Tuesday, "till tisdag", "2026-12-01T08:00" },
        { Tuesday, "till tisdag 15", "2026-11-24T15:00" },
        { Tuesday, "till onsdag", "2026-11-25T08:00" },
        { Tuesday, "till nästa onsdag", "2026-12-02T08:00" },
        { Tuesday, "till nästa vecka", "2026-11-30T08:00" },
        { Tuesday, "nästa vecka", "2026-12-07T08:00 from 2026-11-30T00:00" },
        { Tuesday, "fredag", "2026-11-30T08:00 from 2026-11-27T00:00" },
        { Tuesday, "i morgon", "2026-11-26T08:00 from 2026-11-25T00:00" },
        { Tuesday, "till fredag den 4 december", "2026-12-04T08:00" },
        { Tuesday, "till den 4/12", "2026-12-04T08:00" },
        { Tuesday, "till 1/12", "2026-12-01T08:00" },
        { Tuesday, "till 2027-01-04", "2027-01-04T08:00" },
        { Tuesday, "till 2026-11-01", "Past" },
        { Tuesday, "till 2026-02-30", "Impossible" },
        { Tuesday, "till 29/2", "2028-02-29T08:00" },
        { Tuesday, "till 13/13", "Impossible" },
        { Tuesday, "till 0/12", "Impossible" },
        { Tuesday, "till 24:00", "Impossible" },
        { Tuesday, "till kl. 10.30", "2026-11-24T10:30" },
        { Tuesday, "till 10.15", "2026-11-24T10:15" },
        { Tuesday, "till 9", "Past" },
        { Tuesday, "till 11", "2026-11-24T11:00" },
        { Tuesday, "till tolv", "2026-11-24T12:00" },
        { Tuesday, "till halv ett", "2026-11-24T12:30" },
        { Tuesday, "till kvart i ett", "2026-11-24T12:45" },
        { Tuesday, "till tre", "2026-11-24T15:00" },
        { Tuesday, "till fyra", "2026-11-24T16:00" },
        { Tuesday, "till sex", "Past" },
        { Tuesday, "till kvart över 3", "2026-11-24T15:15" },
        { Tuesday, "till halv 4", "2026-11-24T15:30" },
        { Tuesday, "till 3 på fredag", "2026-11-27T15:00" },
        { Tuesday, "till 10 i morgon", "2026-11-25T10:00" },
        { Tuesday, "till imorgon kl 8", "2026-11-25T08:00" },
        { Tuesday, "till i morgon kl. 13.15", "2026-11-25T13:15" },
        { Tuesday, "till måndag kl 13", "2026-11-30T13:00" },
        { Tuesday, "till 15:00 idag", "2026-11-24T15:00" },
        { Tuesday, "15:00", "2026-11-24T15:00" },
        { Tuesday, "kl 15", "2026-11-24T15:00" },
        { Tuesday, "tills 14", "2026-11-24T14:00" },
        { Tuesday, "fram till 14", "2026-11-24T14:00" },
        { Tuesday, "until 15:00", "2026-11-24T15:00" },
        { Tuesday, "i 2 h", "2026-11-24T12:00" },
        { Tuesday, "2 timmar", "2026-11-24T12:00" },
        { Tuesday, "i 30 min", "2026-11-24T10:30" },
        { Tuesday, "45min", "2026-11-24T10:45" },
        { Tuesday, "halvtimme", "2026-11-24T10:30" },
        { Tuesday, "i en halv timme", "2026-11-24T10:30" },
        { Tuesday, "i 9000 timmar", "Impossible" },
        { Tuesday, "all day", "2026-11-25T08:00" },
        { Tuesday, "rest of the day", "2026-11-25T08:00" },
        { Tuesday, "till tomorrow", "2026-11-25T08:00" },
        { Tuesday, "till kl", "NotUnderstood" },
        { Tuesday, "i 400 dagar", "NotUnderstood" },
        { Tuesday, "till i morgon eftermiddag", "NotUnderstood" },
        { Tuesday, "snart", "NotUnderstood" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Parse_SwedishTimeExpression_ResolvesToExpectedReturn(string now, string input, string expected)
    {
        var result = TimeExpressionParser.Parse(input, At(now));

        Assert.Equal(expected, Describe(result));
    }

    [Fact]
    public void Table_HasAtLeastAHundredRows() => Assert.True(Rows.Count >= 100, $"{Rows.Count} rows");

    private static string Describe(TimeExpressionResult result) => result switch
    {
        TimeSuccess { From: { } from } success => $"{LocalText(success.Until)} from {LocalText(from)}",
        TimeSuccess success => LocalText(success.Until),
        TimePast => "Past",
        TimeImpossible => "Impossible",
        TimeNotUnderstood => "NotUnderstood",
        TimeMissing => "Missing",
        _ => result.GetType().Name,
    };
}
