using PresenceBot.Bot.Conversation;

namespace PresenceBot.Tests.Bot.Conversation;

/// <summary>The buttons on the bot's cards, pressed as Action.Execute (invoke) and as Action.Submit (message).</summary>
public sealed class CardActionTests : IAsyncLifetime
{
    private ConversationHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ConversationHarness.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task TillbakaNu_PressedAsExecute_EndsTheReferral()
    {
        var card = (await _bot.SayAsync("/möte till 15:00")).Card();

        var answer = await _bot.ExecuteAsync(card.Button("Tillbaka nu"));

        Assert.Contains("Välkommen tillbaka!", answer.Words(), StringComparison.Ordinal);
        Assert.Equal("available", (string?)(await _bot.ReferralAsync())["state"]);
    }

    [Fact]
    public async Task TillbakaNu_PressedAsSubmit_EndsTheReferral()
    {
        var card = (await _bot.SayAsync("/möte till 15:00")).Card();

        var reply = await _bot.SubmitAsync(card.Button("Tillbaka nu"));

        Assert.Contains("Välkommen tillbaka!", reply.Card().Words(), StringComparison.Ordinal);
        Assert.Equal("available", (string?)(await _bot.ReferralAsync())["state"]);
    }

    [Fact]
    public async Task StaleCard_SaysSoAndOverwritesNothing()
    {
        var first = (await _bot.SayAsync("/möte till 15:00")).Card();
        await _bot.SayAsync("/lunch till 12:00");

        var answer = await _bot.ExecuteAsync(first.Button("Tillbaka nu"));

        Assert.Contains("inaktuellt", answer.Words(), StringComparison.Ordinal);
        var stored = await _bot.ReferralAsync();
        Assert.Equal("referred", (string?)stored["state"]);
        Assert.Equal("lunch", (string?)stored["reason"]);
    }

    [Fact]
    public async Task Edit_OpensTheFormAndASubmitChangesTheReferral()
    {
        var card = (await _bot.SayAsync("/möte till 15:00")).Card();
        var form = await _bot.ExecuteAsync(card.Button("Ändra"));

        Assert.Contains("Ändra hänvisning", form.Words(), StringComparison.Ordinal);
        var answer = await _bot.ExecuteAsync(form.Button("Spara"), new()
        {
            ["reason"] = "remote", ["date"] = "2026-11-23", ["time"] = "16:00", ["phone"] = "open", ["note"] = "nås på mobilen",
        });

        Assert.Contains("Kim Krona, Lycksele kommun, arbetar på distans och återkommer klockan 16.00.", answer.Words(), StringComparison.Ordinal);
        var stored = await _bot.ReferralAsync();
        Assert.Equal("remote", (string?)stored["reason"]);
        Assert.Equal("open", (string?)stored["phone"]);
        Assert.Equal("nås på mobilen", (string?)stored["note"]);
    }

    [Fact]
    public async Task FormWithAPastTimeAndNoReason_ShowsTheErrorsInTheCardAndStoresNothing()
    {
        var card = (await _bot.SayAsync("/möte till 15:00")).Card();
        var form = await _bot.ExecuteAsync(card.Button("Ändra"));

        var answer = await _bot.ExecuteAsync(form.Button("Spara"), new() { ["reason"] = "", ["date"] = "2026-11-23", ["time"] = "08:00" });

        var words = answer.Words();
        Assert.Contains("Välj en orsak.", words, StringComparison.Ordinal);
        Assert.Contains("Tiden har redan passerat", words, StringComparison.Ordinal);
        Assert.Contains("Input.ChoiceSet", words, StringComparison.Ordinal);
        var stored = await _bot.ReferralAsync();
        Assert.Equal("meeting", (string?)stored["reason"]);
        Assert.Equal("2026-11-23T15:00:00+01:00", (string?)stored["returnsAt"]);
    }

    [Fact]
    public async Task UnknownVerb_IsAnsweredAsAnUnknownAction()
    {
        var answer = await _bot.ExecuteAsync(new() { ["verb"] = "nothing.known", ["data"] = new System.Text.Json.Nodes.JsonObject() });

        Assert.Equal(CardActionHandler.UnknownAction, (string?)answer);
    }
}
