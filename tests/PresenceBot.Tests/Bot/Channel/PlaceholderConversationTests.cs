using PresenceBot.Bot;

namespace PresenceBot.Tests.Bot.Channel;

/// <summary>Until the commands exist, the shipped conversation answers everyone with the same Swedish note.</summary>
public sealed class PlaceholderConversationTests : IAsyncLifetime
{
    private TeamsBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await TeamsBotHarness.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Message_IsAnsweredWithThePlaceholder()
    {
        await _bot.PostAsync(_bot.Activities.Message("/frånvarande till 15:00"));

        var reply = Assert.Single(await _bot.Connector.WaitForRequestsAsync(1));
        Assert.Equal("PresenceBot är installerad. Kommandon kommer snart.", (string?)reply.Body!["text"]);
    }

    [Fact]
    public async Task CardAction_IsAnsweredWithThePlaceholder()
    {
        var (_, body) = await _bot.PostAsync(_bot.Activities.CardAction("save", []));

        Assert.Equal(PlaceholderConversation.Text, (string?)body!["value"]);
    }
}
