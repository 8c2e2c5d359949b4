namespace PresenceBot.Tests.Bot.Conversation;

/// <summary>
/// Issue 14 §4: a reply with a card says everything inside the card. No message text sits above it (a button's answer
/// replaces the card only, and the text would go stale); the preview a notification shows is the activity's summary,
/// and the card itself says each of its sentences.
/// </summary>
public sealed class WholeAnswerInCardTests : IAsyncLifetime
{
    private ConversationHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ConversationHarness.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("/frånvarande till 15:00")]
    [InlineData("/status")]
    [InlineData("/tillbaka")]
    [InlineData("/möte")]
    [InlineData("/koppling")]
    [InlineData("/hjälp")]
    [InlineData("/enhet")]
    [InlineData("/vidarekoppla till Sara Nordin till 15:00")]
    [InlineData("/vidarekoppla av")]
    public async Task Reply_HasNoTextBesideItsCard_AndTheCardSaysThePreview(string command)
    {
        var reply = await _bot.SayAsync(command);

        Assert.Null(reply["text"]);
        var summary = (string?)reply["summary"];
        Assert.False(string.IsNullOrWhiteSpace(summary));
        var words = reply.Card().Words();
        Assert.All(summary!.Split(". ").Select(s => s.TrimEnd('.')), sentence => Assert.Contains(sentence, words, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ButtonAnswer_ReplacesTheCardWithOneThatSaysTheNewTruth()
    {
        var card = (await _bot.SayAsync("/frånvarande till 15:00")).Card();

        var answer = await _bot.ExecuteAsync(card.Button("Tillbaka nu"));

        var words = answer.Words();
        Assert.Contains("Välkommen tillbaka!", words, StringComparison.Ordinal);
        Assert.Contains("Du är tillgänglig", words, StringComparison.Ordinal);
        Assert.DoesNotContain("återkommer klockan 15.00", words, StringComparison.Ordinal);
    }
}
