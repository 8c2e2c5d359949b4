using Microsoft.Extensions.DependencyInjection;
using PresenceBot.Referrals.Organisation;
using static PresenceBot.Tests.ApiClient;

namespace PresenceBot.Tests.Bot.Conversation;

/// <summary>"/koppling": the person's own calendar coupling, stored over the organisation file.</summary>
public sealed class CouplingCommandTests : IAsyncLifetime
{
    private ConversationHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ConversationHarness.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private CalendarCoupling KimsCoupling =>
        _bot.Bot.App.Services.GetRequiredService<IOrganisationSource>().Current.FindPerson(KimId)!.CalendarCoupling;

    [Fact]
    public async Task KopplingAv_StoresTheOverrideAndTurnsKimsCouplingOff()
    {
        var changes = 0;
        _bot.Bot.App.Services.GetRequiredService<IOrganisationSource>().Changed += (_, _) => changes++;

        var reply = await _bot.SayAsync("/koppling av");

        Assert.Contains("Kalenderkoppling ändrad till av", reply.Card().Words(), StringComparison.Ordinal);
        Assert.Equal(1, await _bot.Bot.CountAsync("coupling_overrides", "Coupling = 'off'"));
        Assert.Equal(CalendarCoupling.Off, KimsCoupling);
        Assert.Equal(1, changes);
    }

    [Fact]
    public async Task Koppling_WithoutArgument_ShowsTheModeWithButtonsThatSetIt()
    {
        var card = (await _bot.SayAsync("/koppling")).Card();

        Assert.Contains("Kalenderkoppling:", card.Words(), StringComparison.Ordinal);
        await _bot.ExecuteAsync(card.Button("Öppen"));

        Assert.Equal(CalendarCoupling.Open, KimsCoupling);
    }

    [Fact]
    public async Task OwnCoupling_IsInForceAgainAfterARestart()
    {
        await _bot.SayAsync("/koppling av");

        await using var restarted = new PresenceBotApplication(folder: _bot.Bot.App.Folder);

        Assert.Equal(CalendarCoupling.Off, restarted.Services.GetRequiredService<IOrganisationSource>().Current.FindPerson(KimId)!.CalendarCoupling);
    }
}
