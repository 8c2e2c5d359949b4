using System.Net;
using PresenceBot.TeamsChannel.Proactive;
using PresenceBot.TeamsChannel.Turns;
using static PresenceBot.Tests.ApiClient;

namespace PresenceBot.Tests.Bot;

/// <summary>The host's side of the channel: our people, our database, the shipped conversation, over real HTTP.</summary>
public sealed class TeamsBotWiringTests : IAsyncLifetime
{
    private TeamsBotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await TeamsBotHarness.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task MessageFromSomeoneInTheOrganisationFile_StoresTheirReferenceInTheDatabase_UnderTheirPersonId()
    {
        var (status, _) = await _bot.PostAsync(_bot.Activities.Message("/status"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, await _bot.CountAsync("conversation_references", $"PersonId = '{KimId}' AND IsStale = 0"));
    }

    [Fact]
    public async Task ProactiveMessage_ReachesThePersonThroughTheStoredReference()
    {
        await _bot.PostAsync(_bot.Activities.Installation("add"));

        var delivery = await _bot.Service<ITeamsNotifier>().SendAsync(KimId, BotMessage.FromText("hej"), CancellationToken.None);

        Assert.Equal(TeamsDelivery.Sent, delivery);
        Assert.Equal("hej", (string?)Assert.Single(await _bot.Connector.WaitForRequestsAsync(1)).Body!["text"]);
    }

    [Fact]
    public async Task Directory_KnowsPeopleByEntraObjectId_AndNobodyElse()
    {
        var people = _bot.Service<IBotPersonDirectory>();

        Assert.Equal(KimId, people.FindPersonId(KimId));
        Assert.Null(people.FindPersonId("00000000-0000-4000-8000-000000000001"));
    }
}
