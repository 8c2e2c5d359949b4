using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using NodaTime;
using PresenceBot.Bot.Conversation;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Service;

namespace PresenceBot.Tests.Bot.Conversation;

/// <summary>Typed commands through the real channel, on Monday 2026-11-23 09:00 Stockholm.</summary>
public sealed class ReferralCommandTests : IAsyncLifetime
{
    private const string TalsvarAwayUntilThree = "Kim Krona, Lycksele kommun, är frånvarande och återkommer klockan 15.00.";

    private ConversationHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ConversationHarness.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task AwayUntilThree_StoresTheReferralAndShowsWhatCallersHear()
    {
        var reply = await _bot.SayAsync("/frånvarande till 15:00");

        var words = reply.Card().Words();
        Assert.Contains($"Så här hör den som ringer: \"{TalsvarAwayUntilThree}\"", words, StringComparison.Ordinal);
        Assert.Contains("Tillbaka nu", words, StringComparison.Ordinal);
        Assert.Contains("Ändra", words, StringComparison.Ordinal);
        var stored = await _bot.ReferralAsync();
        Assert.Equal("referred", (string?)stored["state"]);
        Assert.Equal("away", (string?)stored["reason"]);
        Assert.Equal("2026-11-23T15:00:00+01:00", (string?)stored["returnsAt"]);
        Assert.Equal(TalsvarAwayUntilThree, (string?)stored["talsvar"]);
    }

    [Fact]
    public async Task MeetingAfterWorkingHours_StatusRightAfterSaysReferredUntilTomorrowMorning()
    {
        _bot.Bot.App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 18, 16, 0, TimeSpan.FromHours(1)));

        await _bot.SayAsync("/möte i 45 min");
        var status = (await _bot.SayAsync("/status")).Card().Words();

        Assert.DoesNotContain("tillgänglig", status, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("i morgon klockan 08.00", status, StringComparison.Ordinal);
        Assert.Equal("referred", (string?)(await _bot.ReferralAsync())["state"]);
    }

    [Fact]
    public async Task TimeZoneFromTeamsClientInfo_ReadsTheClockInThePersonsZone()
    {
        var message = _bot.Bot.Activities.Message("/möte till 15:00");
        message["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-GB", ["timezone"] = "Europe/London" });

        await _bot.PostForReplyAsync(message);

        Assert.Equal("2026-11-23T16:00:00+01:00", (string?)(await _bot.ReferralAsync())["returnsAt"]);
    }

    [Fact]
    public async Task CommandWithoutEnd_AsksForItAndStoresNothingUntilAnswered()
    {
        var question = (await _bot.SayAsync("/möte budgetberedning")).Card();

        Assert.Contains("Hur länge gäller det (sammanträde)?", question.Words(), StringComparison.Ordinal);
        Assert.Equal("available", (string?)(await _bot.ReferralAsync())["state"]);

        var answer = await _bot.ExecuteAsync(question.Button("15.00"));

        Assert.Contains("Kim Krona, Lycksele kommun, är på sammanträde och återkommer klockan 15.00.", answer.Words(), StringComparison.Ordinal);
        var stored = await _bot.ReferralAsync();
        Assert.Equal("meeting", (string?)stored["reason"]);
        Assert.Equal("budgetberedning", (string?)stored["note"]);
        Assert.Equal("2026-11-23T15:00:00+01:00", (string?)stored["returnsAt"]);
    }

    [Fact]
    public async Task CommandWithoutEnd_AfterThreeOnAFriday_OffersNoPickThatHasPassed()
    {
        _bot.Bot.App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 17, 30, 0, TimeSpan.FromHours(1)));

        var question = (await _bot.SayAsync("/möte")).Card();

        var buttons = question["actions"]!.AsArray().Select(a => (string?)a!["title"]).ToList();
        Assert.Equal(["Om en timme", "Måndag morgon", "Spara vald tid"], buttons);
    }

    [Fact]
    public async Task CommandWithoutEnd_OnAMorning_OffersThreeAndTheEndOfTheDay()
    {
        var question = (await _bot.SayAsync("/möte")).Card();

        var buttons = question["actions"]!.AsArray().Select(a => (string?)a!["title"]).ToList();
        Assert.Equal(["Om en timme", "15.00", "Slutet av arbetsdagen", "I morgon bitti", "Spara vald tid"], buttons);
    }

    [Fact]
    public async Task MissingEnd_AnsweredWithADateAndTime_IsStored()
    {
        var question = (await _bot.SayAsync("/utbildning")).Card();

        await _bot.SubmitAsync(question.Button("Spara vald tid"), new() { ["date"] = "2026-11-24", ["time"] = "12:30" });

        Assert.Equal("2026-11-24T12:30:00+01:00", (string?)(await _bot.ReferralAsync())["returnsAt"]);
    }

    [Theory]
    [InlineData("/möte till 08:30", "har redan passerat")]
    [InlineData("/möte till 25:00", "finns inte")]
    [InlineData("/möte till 31/2", "finns inte")]
    [InlineData("/möte till fikat", "förstod inte")]
    public async Task PastImpossibleOrUnclearTime_IsExplainedWithExamplesAndNothingStored(string command, string explanation)
    {
        var reply = await _bot.SayAsync(command);

        var text = (string?)reply["text"];
        Assert.Contains(explanation, text, StringComparison.Ordinal);
        Assert.Contains("Skriv till exempel", text, StringComparison.Ordinal);
        Assert.Equal("available", (string?)(await _bot.ReferralAsync())["state"]);
    }

    [Fact]
    public async Task Tillbaka_EndsTheReferralAndShowsTheNewStatus()
    {
        await _bot.SayAsync("/lunch i 45 min");

        var activity = await _bot.SayAsync("/tillbaka");
        var reply = activity.Card().Words();

        Assert.Contains("Välkommen tillbaka!", reply, StringComparison.Ordinal);
        Assert.Equal("Välkommen tillbaka!", (string?)activity["summary"]);
        Assert.Null(activity["text"]);
        Assert.Contains("Du är tillgänglig", reply, StringComparison.Ordinal);
        Assert.Equal("available", (string?)(await _bot.ReferralAsync())["state"]);
    }

    [Fact]
    public async Task Tillbaka_DuringALunchOverACalendarMeeting_EndsBothAtOnceAndTheNextBookingStillApplies()
    {
        // Booked in the host's Graph stand-in, so the calendar sync (which runs on its own) agrees with the test.
        var graph = _bot.Bot.App.Services.GetRequiredService<PresenceBot.Calendar.GraphStandInHost>().Server!;
        await graph.Calendars.CreateEventAsync(ApiClient.KimId, Calendar.CalendarTestHost.Draft("SAM: Nu", "2026-11-23T08:30:00", "2026-11-23T11:00:00"), CancellationToken.None);
        await graph.Calendars.CreateEventAsync(ApiClient.KimId, Calendar.CalendarTestHost.Draft("SAM: Senare", "2026-11-23T14:00:00", "2026-11-23T15:00:00"), CancellationToken.None);
        await Calendar.Eventually.TrueAsync(async () => (string?)(await _bot.ReferralAsync())["source"] == "calendar", "the meeting now as a calendar referral");
        await _bot.SayAsync("/lunch i 45 min");

        var reply = (await _bot.SayAsync("/tillbaka")).Card().Words();

        Assert.Contains("Du är tillgänglig", reply, StringComparison.Ordinal);
        Assert.Equal("available", (string?)(await _bot.ReferralAsync())["state"]);
        _bot.Bot.App.Clock.Advance(TimeSpan.FromHours(5.5));
        var later = await _bot.ReferralAsync();
        Assert.Equal("referred", (string?)later["state"]);
        Assert.Equal("calendar", (string?)later["source"]);
    }

    [Fact]
    public async Task Status_ShowsWhatIsInForceWithTheTalsvarAndWhatComesNext()
    {
        await _bot.SayAsync("/frånvarande till 15:00");
        await _bot.SayAsync("/semester vecka 49");

        var status = (await _bot.SayAsync("/status")).Card().Words();

        Assert.Contains("Just nu: frånvarande", status, StringComparison.Ordinal);
        Assert.Contains(TalsvarAwayUntilThree, status, StringComparison.Ordinal);
        Assert.Contains("Härnäst: semester", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sick_IsShownAsSickToThePersonButNeverSpoken()
    {
        var words = (await _bot.SayAsync("/sjuk resten av dagen")).Card().Words();

        Assert.Contains("sjuk", words, StringComparison.Ordinal);
        Assert.Contains("är frånvarande och återkommer i morgon klockan 08.00", words, StringComparison.Ordinal);
        Assert.DoesNotContain("är sjuk", words, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPerson_IsToldWhomToContactAndNothingIsStored()
    {
        var reply = await _bot.SayAsync("/frånvarande till 15:00", aadObjectId: "00000000-0000-4000-8000-00000000dead");

        Assert.Equal(TeamsConversation.NotSetUp, (string?)reply["text"]);
        Assert.Contains("kundtjänst/IT", (string?)reply["text"], StringComparison.Ordinal);
        Assert.Equal(0, await _bot.Bot.CountAsync("referrals"));
    }

    [Fact]
    public async Task Help_AnswersWithExamples()
    {
        var words = (await _bot.SayAsync("/hjälp")).Card().Words();

        Assert.Contains("/möte till 15:00", words, StringComparison.Ordinal);
        Assert.Contains("/tillbaka", words, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Voicemail_NothingUnheard_SaysSo()
    {
        var reply = await _bot.SayAsync("/röstbrevlåda");

        Assert.Equal("Du har inga olyssnade röstmeddelanden.", (string?)reply["text"]);
    }

    [Fact]
    public async Task Voicemail_Unheard_ListsThemWithCallerAndButtons()
    {
        var ledger = _bot.Bot.App.Services.GetRequiredService<PresenceBot.Referrals.Voicemail.IVoicemailLedger>();
        var received = NodaTime.Instant.FromDateTimeOffset(PresenceBotApplication.MondayMorning.AddMinutes(-20));
        await ledger.RecordAsync(
            new PresenceBot.Referrals.Voicemail.VoicemailMessage
            {
                Source = "switchboard",
                Id = "vm-1",
                PersonId = ApiClient.KimId,
                ReceivedAt = received,
                Caller = "070-123 45 67",
                State = PresenceBot.Referrals.Voicemail.VoicemailState.New,
            },
            received,
            CancellationToken.None);

        var words = (await _bot.SayAsync("/röstbrevlåda")).Card().Words();

        Assert.Contains("1", words, StringComparison.Ordinal);
        Assert.Contains("070-123 45 67", words, StringComparison.Ordinal);
        Assert.Contains("Markera som avlyssnad", words, StringComparison.Ordinal);
    }
}
