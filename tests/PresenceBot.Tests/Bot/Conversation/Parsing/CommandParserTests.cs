using NodaTime;
using PresenceBot.Bot.Conversation.Parsing;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;
using static PresenceBot.Tests.Bot.Conversation.Parsing.ParsingFixtures;

namespace PresenceBot.Tests.Bot.Conversation.Parsing;

public sealed class CommandParserTests
{
    private static readonly TimeContext TuesdayMorning = At("2026-11-24T10:00");

    [Theory]
    [InlineData("/frånvarande till 15", Reason.Away)]
    [InlineData("/franvarande till 15", Reason.Away)]
    [InlineData("/away till 15", Reason.Away)]
    [InlineData("/sammanträde till 15", Reason.Meeting)]
    [InlineData("/möte till 15", Reason.Meeting)]
    [InlineData("/mote till 15", Reason.Meeting)]
    [InlineData("/meeting till 15", Reason.Meeting)]
    [InlineData("/lunch till 15", Reason.Lunch)]
    [InlineData("/tjänsteresa till 15", Reason.BusinessTrip)]
    [InlineData("/tjansteresa till 15", Reason.BusinessTrip)]
    [InlineData("/trip till 15", Reason.BusinessTrip)]
    [InlineData("/tjänsteärende till 15", Reason.Errand)]
    [InlineData("/tjanstearende till 15", Reason.Errand)]
    [InlineData("/utbildning till 15", Reason.Training)]
    [InlineData("/semester till 15", Reason.Vacation)]
    [InlineData("/vacation till 15", Reason.Vacation)]
    [InlineData("/ledig till 15", Reason.Leave)]
    [InlineData("/sjuk till 15", Reason.Sick)]
    [InlineData("/sick till 15", Reason.Sick)]
    [InlineData("/upptagen till 15", Reason.Busy)]
    [InlineData("/busy till 15", Reason.Busy)]
    [InlineData("/gått för dagen till 15", Reason.GoneForDay)]
    [InlineData("/gatt for dagen till 15", Reason.GoneForDay)]
    [InlineData("/distans till 15", Reason.Remote)]
    [InlineData("/remote till 15", Reason.Remote)]
    public void Parse_ReasonWordOrAlias_SetsThatReasonUntilTheTime(string text, Reason reason)
    {
        var command = Assert.IsType<SetReferralCommand>(CommandParser.Parse(text, TuesdayMorning));

        Assert.Equal(reason, command.Reason);
        Assert.Equal(Local("2026-11-24T15:00"), Assert.IsType<TimeSuccess>(command.Until).Until);
        Assert.Null(command.Note);
    }

    [Theory]
    [InlineData("/möte till 15")]
    [InlineData("möte till 15")]
    [InlineData("/MÖTE TILL 15")]
    [InlineData("Möte Till Kl 15")]
    [InlineData("  /möte   till   15  ")]
    [InlineData("<at>PresenceBot</at> /möte till 15")]
    [InlineData("<at>Presence Bot</at> möte till 15")]
    [InlineData("@PresenceBot möte till 15")]
    public void Parse_CaseSlashAndMentionDoNotMatter(string text)
    {
        var command = Assert.IsType<SetReferralCommand>(CommandParser.Parse(text, TuesdayMorning));

        Assert.Equal(Reason.Meeting, command.Reason);
        Assert.Equal(Local("2026-11-24T15:00"), Assert.IsType<TimeSuccess>(command.Until).Until);
    }

    [Theory]
    [InlineData("/möte till 15 Budgetberedning med KS", "Budgetberedning med KS")]
    [InlineData("/möte till 15 – Budgetberedning, sal 3", "Budgetberedning, sal 3")]
    [InlineData("/semester t.o.m. fredag: Ring Kim vid frågor.", "Ring Kim vid frågor.")]
    [InlineData("/lunch i 45 min med Eva på Stadshotellet", "med Eva på Stadshotellet")]
    [InlineData("/tjänsteärende till banken till 15", "till banken")]
    [InlineData("/möte i Stadshuset till 15:00", "i Stadshuset")]
    [InlineData("/lunch till 13 i matsalen", "i matsalen")]
    [InlineData("/möte till fredag med Eva", "med Eva")]
    public void Parse_NoteAroundTheTime_IsKeptVerbatim(string text, string note)
    {
        var command = Assert.IsType<SetReferralCommand>(CommandParser.Parse(text, TuesdayMorning));

        Assert.IsType<TimeSuccess>(command.Until);
        Assert.Equal(note, command.Note);
    }

    [Theory]
    [InlineData("/lunch – med Eva", "med Eva")]
    [InlineData("/möte: styrelsen", "styrelsen")]
    [InlineData("/möte om budget 2026", "om budget 2026")]
    [InlineData("/sjuk", null)]
    public void Parse_NoTime_IsMissingAndKeepsTheNote(string text, string? note)
    {
        var command = Assert.IsType<SetReferralCommand>(CommandParser.Parse(text, TuesdayMorning));

        Assert.IsType<TimeMissing>(command.Until);
        Assert.Equal(note, command.Note);
    }

    [Fact]
    public void Parse_ImpossibleTime_SaysSoInSwedishWithExamples()
    {
        var command = Assert.IsType<SetReferralCommand>(CommandParser.Parse("/möte till 25:00", TuesdayMorning));

        var failure = Assert.IsType<TimeImpossible>(command.Until);
        Assert.Equal("Klockan 25.00 finns inte. Skriv till exempel: /möte till 15:00, /lunch i 45 min, /semester t.o.m. fredag.", failure.Message);
    }

    [Fact]
    public void Parse_TimeNotUnderstood_QuotesItAndGivesExamples()
    {
        var command = Assert.IsType<SetReferralCommand>(CommandParser.Parse("/möte till fikat", TuesdayMorning));

        var failure = Assert.IsType<TimeNotUnderstood>(command.Until);
        Assert.Equal("Jag förstod inte tiden \"till fikat\". Skriv till exempel: /möte till 15:00, /lunch i 45 min, /semester t.o.m. fredag.", failure.Message);
    }

    [Fact]
    public void Parse_AfternoonHourAlreadyPassed_NamesTheAfternoonTime()
    {
        var command = Assert.IsType<SetReferralCommand>(CommandParser.Parse("/möte till 3", At("2026-10-23T16:00")));

        var failure = Assert.IsType<TimePast>(command.Until);
        Assert.StartsWith("Klockan 15.00 har redan passerat.", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/möte till 15:30", "2026-11-24T10:00", "till klockan 15.30")]
    [InlineData("/semester till måndag", "2026-10-23T13:00", "till måndag klockan 08.00")]
    [InlineData("/möte till i morgon 9", "2026-11-24T10:00", "till i morgon klockan 09.00")]
    [InlineData("/semester till 1/12", "2026-10-23T13:00", "till den 1 december klockan 08.00")]
    [InlineData("/semester t.o.m. vecka 1", "2026-12-23T10:00", "till den 11 januari 2027 klockan 08.00")]
    [InlineData("/semester vecka 49", "2026-11-24T10:00", "från och med måndag till den 7 december klockan 08.00")]
    public void Parse_Success_DescribesTheReturnInSwedish(string text, string now, string description)
    {
        var command = Assert.IsType<SetReferralCommand>(CommandParser.Parse(text, At(now)));

        Assert.Equal(description, Assert.IsType<TimeSuccess>(command.Until).Description);
    }

    [Theory]
    [InlineData("/gått för dagen", "2026-10-23T15:00", "2026-10-26T08:00")]
    [InlineData("/gatt for dagen", "2026-12-23T15:00", "2026-12-28T08:00")]
    [InlineData("/gått hem", "2026-11-24T15:00", "2026-11-25T08:00")]
    public void Parse_GoneForTheDayWithoutTime_IsBackNextWorkingMorning(string text, string now, string expected)
    {
        var command = Assert.IsType<SetReferralCommand>(CommandParser.Parse(text, At(now)));

        Assert.Equal(Reason.GoneForDay, command.Reason);
        Assert.Equal(Local(expected), Assert.IsType<TimeSuccess>(command.Until).Until);
    }

    [Theory]
    [InlineData("/distans idag", "2026-11-24T10:00", "2026-11-24T17:00")]
    [InlineData("/distans", "2026-11-24T10:00", "2026-11-24T17:00")]
    [InlineData("/distans hela dagen", "2026-11-24T10:00", "2026-11-24T17:00")]
    [InlineData("/distans till 15", "2026-11-24T10:00", "2026-11-24T15:00")]
    [InlineData("/distans t.o.m. fredag", "2026-11-24T10:00", "2026-11-27T17:00")]
    [InlineData("/distans till i morgon", "2026-11-24T10:00", "2026-11-25T08:00")]
    [InlineData("/distans idag", "2026-12-23T10:00", "2026-12-23T17:00")]
    public void Parse_Remote_WholeDaysEndWithWorkingHours(string text, string now, string expected)
    {
        var command = Assert.IsType<SetReferralCommand>(CommandParser.Parse(text, At(now)));

        Assert.Equal(Reason.Remote, command.Reason);
        Assert.Equal(Local(expected), Assert.IsType<TimeSuccess>(command.Until).Until);
    }

    [Fact]
    public void Parse_RemoteTodayAfterWorkingHours_IsRefused()
    {
        var command = Assert.IsType<SetReferralCommand>(CommandParser.Parse("/distans idag", At("2026-11-24T17:30")));

        Assert.StartsWith("Arbetsdagen är redan slut", Assert.IsType<TimePast>(command.Until).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-24T17:30")]
    [InlineData("2026-11-28T10:00")]
    public void Parse_RemoteAloneOutsideWorkingDay_AsksForTheEnd(string now)
    {
        var command = Assert.IsType<SetReferralCommand>(CommandParser.Parse("/distans", At(now)));

        Assert.IsType<TimeMissing>(command.Until);
    }

    [Fact]
    public void Parse_WriterInAnotherZone_ReadsTheClockInTheirZone()
    {
        var helsinki = DateTimeZoneProviders.Tzdb["Europe/Helsinki"];
        var context = new TimeContext(Local("2026-11-24T10:00"), helsinki, OfficeHours);

        var command = Assert.IsType<SetReferralCommand>(CommandParser.Parse("/möte till 15", context));

        Assert.Equal(Local("2026-11-24T14:00"), Assert.IsType<TimeSuccess>(command.Until).Until);
    }

    [Theory]
    [InlineData("/tillbaka")]
    [InlineData("tillbaka")]
    [InlineData("/Tillbaka nu")]
    [InlineData("/back")]
    [InlineData("/åter")]
    [InlineData("/ater")]
    public void Parse_Return(string text) => Assert.IsType<ReturnCommand>(CommandParser.Parse(text, TuesdayMorning));

    [Fact]
    public void Parse_ReturnWithATime_IsNotGuessed()
    {
        var unknown = Assert.IsType<UnknownCommand>(CommandParser.Parse("/tillbaka 15:00", TuesdayMorning));

        Assert.Contains("/frånvarande till 15:00", unknown.Suggestions);
    }

    [Theory]
    [InlineData("/status")]
    [InlineData("STATUS")]
    public void Parse_Status(string text) => Assert.IsType<StatusCommand>(CommandParser.Parse(text, TuesdayMorning));

    [Theory]
    [InlineData("/hjälp")]
    [InlineData("/hjalp")]
    [InlineData("help")]
    [InlineData("/?")]
    [InlineData("")]
    [InlineData("<at>PresenceBot</at>")]
    public void Parse_Help(string text) => Assert.IsType<HelpCommand>(CommandParser.Parse(text, TuesdayMorning));

    [Theory]
    [InlineData("/röstbrevlåda")]
    [InlineData("/rostbrevlada")]
    [InlineData("/voicemail")]
    public void Parse_Voicemail(string text) => Assert.IsType<VoicemailCommand>(CommandParser.Parse(text, TuesdayMorning));

    [Theory]
    [InlineData("/koppling", null)]
    [InlineData("/koppling stängd", CalendarCoupling.Closed)]
    [InlineData("/koppling stangd", CalendarCoupling.Closed)]
    [InlineData("/coupling closed", CalendarCoupling.Closed)]
    [InlineData("/koppling öppen", CalendarCoupling.Open)]
    [InlineData("/KOPPLING OPPEN", CalendarCoupling.Open)]
    [InlineData("/koppling av", CalendarCoupling.Off)]
    [InlineData("/coupling off", CalendarCoupling.Off)]
    public void Parse_Coupling(string text, CalendarCoupling? mode) =>
        Assert.Equal(new CouplingCommand(mode), CommandParser.Parse(text, TuesdayMorning));

    [Fact]
    public void Parse_CouplingWithUnknownMode_ListsTheModes()
    {
        var unknown = Assert.IsType<UnknownCommand>(CommandParser.Parse("/koppling kanske", TuesdayMorning));

        Assert.Equal(["/koppling stängd", "/koppling öppen", "/koppling av"], unknown.Suggestions);
    }

    [Theory]
    [InlineData("/semster till 15", "/semester")]
    [InlineData("/franvarnade", "/frånvarande")]
    [InlineData("/mötte", "/möte")]
    [InlineData("/tjänst", "/tjänsteresa")]
    [InlineData("/tjänst", "/tjänsteärende")]
    [InlineData("/stauts", "/status")]
    [InlineData("/hälp", "/hjälp")]
    public void Parse_UnknownCommand_SuggestsTheNearestCommands(string text, string suggestion)
    {
        var unknown = Assert.IsType<UnknownCommand>(CommandParser.Parse(text, TuesdayMorning));

        Assert.Contains(suggestion, unknown.Suggestions);
        Assert.Contains($"Menade du {unknown.Suggestions[0]}", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownCommandFarFromAny_PointsToHelp()
    {
        var unknown = Assert.IsType<UnknownCommand>(CommandParser.Parse("/xyzzy", TuesdayMorning));

        Assert.Empty(unknown.Suggestions);
        Assert.Equal("Jag känner inte igen \"/xyzzy\". Skriv /hjälp för att se vad jag kan, till exempel /möte till 15:00, /lunch i 45 min eller /tillbaka.", unknown.Message);
    }

    [Fact]
    public void Parse_OnlyATime_SuggestsReasonsToPutBeforeIt()
    {
        var unknown = Assert.IsType<UnknownCommand>(CommandParser.Parse("till 15:00", TuesdayMorning));

        Assert.Equal(["/frånvarande till 15:00", "/möte till 15:00"], unknown.Suggestions);
    }

    [Fact]
    public void Parse_SickIsKeptAsSick_DisclosureIsNotTheParsersJob()
    {
        var command = Assert.IsType<SetReferralCommand>(CommandParser.Parse("/sjuk t.o.m. i morgon", TuesdayMorning));

        Assert.Equal(Reason.Sick, command.Reason);
        Assert.Equal(Local("2026-11-26T08:00"), Assert.IsType<TimeSuccess>(command.Until).Until);
    }

    [Fact]
    public void Parse_SameInput_SameCommand()
    {
        var first = CommandParser.Parse("/semester vecka 49 – Kim svarar", TuesdayMorning);
        var second = CommandParser.Parse("/semester vecka 49 – Kim svarar", TuesdayMorning);

        Assert.Equal(first, second);
        Assert.Equal(Local("2026-11-30T00:00"), Assert.IsType<TimeSuccess>(Assert.IsType<SetReferralCommand>(first).Until).From);
    }
}
