using System.Text.Json.Nodes;
using PresenceBot.Tests.Bot.Conversation;
using static PresenceBot.Tests.ApiClient;
using static PresenceBot.Tests.Forwarding.TeamHarness;

namespace PresenceBot.Tests.Forwarding;

/// <summary>"/vidarekoppla" through the real channel, on Monday 2026-11-23 09:00 Stockholm (issue 14 §2, rule 12).</summary>
public sealed class ForwardingCommandTests : IAsyncLifetime
{
    private TeamHarness _team = null!;

    public async Task InitializeAsync() => _team = await TeamHarness.StartAsync();

    public async Task DisposeAsync() => await _team.DisposeAsync();

    [Fact]
    public async Task ColleagueReachableThroughout_SetsItAndTellsTheColleague()
    {
        await _team.SayAsync(SaraId, "/status");
        var before = _team.Bot.Connector.Requests.Count;

        var reply = (await _team.SayAsync(KimId, "/vidarekoppla till Sara Nordin till 15:00")).Words();

        Assert.Contains("Vidarekopplat till Sara Nordin", reply, StringComparison.Ordinal);
        Assert.Contains("Samtal till dig kopplas till Sara Nordin till 15.00.", reply, StringComparison.Ordinal);
        Assert.Contains("Sara Nordin får veta det i Teams.", reply, StringComparison.Ordinal);
        var notice = (await _team.ReceivedAsync(SaraId, before)).Card().Words();
        Assert.Contains("Samtal till Kim Krona kopplas till dig till 15.00.", notice, StringComparison.Ordinal);
        var (_, status) = await _team.Api.GetJsonAsync($"/api/referrals/{KimUpn}");
        Assert.Equal(SaraId, (string?)status!["forwardTo"]!["id"]);
        Assert.Equal("2026-11-23T15:00:00+01:00", (string?)status["forwardTo"]!["until"]);
    }

    [Fact]
    public async Task TheSameForwardingAgain_TellsTheColleagueNothingNew()
    {
        await _team.SayAsync(SaraId, "/status");
        await _team.ForwardKimToSaraAsync("15:00");
        var toSara = _team.MessagesTo(SaraId).Count;

        var again = (await _team.SayAsync(KimId, "/vidarekoppla till Sara Nordin till 15:00")).Words();
        await _team.SayAsync(KimId, "/status");

        Assert.Contains("Vidarekopplingen var redan gjord; Sara Nordin får inget nytt meddelande.", again, StringComparison.Ordinal);
        Assert.Equal(toSara, _team.MessagesTo(SaraId).Count);
    }

    [Fact]
    public async Task ReferredWithForwarding_TalsvarSaysWhereTheCallGoes_AndOffEndsIt()
    {
        await _team.SayAsync(KimId, "/möte till 15:00");
        await _team.SayAsync(KimId, "/vidarekoppla till sara.nordin@lycksele.se");

        var (_, status) = await _team.Api.GetJsonAsync($"/api/referrals/{KimUpn}");
        Assert.Equal("Kim Krona, Lycksele kommun, är på sammanträde och återkommer klockan 15.00 och samtalet kopplas till Sara Nordin.",
            (string?)status!["talsvar"]);
        Assert.Equal("2026-11-23T15:00:00+01:00", (string?)status["forwardTo"]!["until"]);

        var off = (await _team.SayAsync(KimId, "/vidarekoppla av")).Words();

        Assert.Contains("Vidarekopplingen är avslutad", off, StringComparison.Ordinal);
        (_, status) = await _team.Api.GetJsonAsync($"/api/referrals/{KimUpn}");
        Assert.Null(status!["forwardTo"]);
        Assert.Equal("Kim Krona, Lycksele kommun, är på sammanträde och återkommer klockan 15.00.", (string?)status["talsvar"]);
    }

    [Fact]
    public async Task ColleaguePartlyUnreachable_SaysWhenWithoutWhy_AndStoresNothingUntilConfirmed()
    {
        await SaraMeetingAsync("13:00", "14:00");

        var card = await _team.SayAsync(KimId, "/vidarekoppla till Sara till 15:00");

        var words = card.Words();
        Assert.Contains("Sara Nordin kan inte ta alla samtal", words, StringComparison.Ordinal);
        Assert.Contains("Sara Nordin är upptagen 13.00–14.00.", words, StringComparison.Ordinal);
        Assert.DoesNotContain("Lönesamtal", words, StringComparison.Ordinal);
        Assert.Null((await KimStatusAsync())["forwardTo"]);

        var confirmed = (await _team.PressAsync(KimId, card.Button("Vidarekoppla ändå"))).Words();

        Assert.Contains("Vidarekopplat till Sara Nordin", confirmed, StringComparison.Ordinal);
        Assert.Contains("Observera: Sara Nordin är upptagen 13.00–14.00.", confirmed, StringComparison.Ordinal);
        Assert.Equal(SaraId, (string?)(await KimStatusAsync())["forwardTo"]!["id"]);
    }

    [Fact]
    public async Task ColleaguePartlyUnreachable_AnotherChosen_ForwardsToThemForTheSamePeriod()
    {
        await SaraMeetingAsync("13:00", "14:00");
        var card = await _team.SayAsync(KimId, "/vidarekoppla till Sara till 15:00");

        var chosen = (await _team.PressAsync(KimId, card.Button("Välj kollega"), new JsonObject { ["colleague"] = "Peter Lund" })).Words();

        Assert.Contains("Vidarekopplat till Peter Lund", chosen, StringComparison.Ordinal);
        var status = await KimStatusAsync();
        Assert.Equal(PeterId, (string?)status["forwardTo"]!["id"]);
        Assert.Equal("2026-11-23T15:00:00+01:00", (string?)status["forwardTo"]!["until"]);
    }

    [Fact]
    public async Task ColleagueBecomesUnreachableLater_BothAreToldOnce()
    {
        await _team.SayAsync(SaraId, "/status");
        await _team.ForwardKimToSaraAsync("15:00");
        var before = _team.Bot.Connector.Requests.Count;

        await SaraMeetingAsync("11:00", "12:00");

        var toKim = (await _team.ReceivedAsync(KimId, before)).Card().Words();
        Assert.Contains("Sara Nordin kan inte ta alla dina samtal", toKim, StringComparison.Ordinal);
        Assert.Contains("Sara Nordin är upptagen 11.00–12.00", toKim, StringComparison.Ordinal);
        var toSara = (await _team.ReceivedAsync(SaraId, before)).Card().Words();
        Assert.Contains("Du är inte nåbar 11.00–12.00", toSara, StringComparison.Ordinal);

        await SaraMeetingAsync("13:00", "14:00");
        await _team.DrainChangesAsync();

        Assert.Equal(2, await _team.Bot.CountAsync("sent_reminders", "Kind = 'ForwardingConflict'"));
        Assert.Single(_team.MessagesTo(KimId), m => m.Card().Words().Contains("kan inte ta alla dina samtal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NameOfSeveral_AsksBackWithAChoice()
    {
        var card = await _team.SayAsync(KimId, "/vidarekoppla till Ida Berg till 15:00");

        Assert.Contains("Vem menar du?", card.Words(), StringComparison.Ordinal);
        var chosen = (await _team.PressAsync(KimId, card.Button("Ida Berg, Socialtjänst, Storumans kommun"))).Words();

        Assert.Contains("Vidarekopplat till Ida Berg", chosen, StringComparison.Ordinal);
        Assert.Contains("Ida Berg kunde inte nås i Teams", chosen, StringComparison.Ordinal);
        Assert.Equal(IdaStorumanId, (string?)(await KimStatusAsync())["forwardTo"]!["id"]);
    }

    [Fact]
    public async Task UnknownName_SaysSoAndStoresNothing()
    {
        var words = (await _team.SayAsync(KimId, "/vidarekoppla till Zacharias Zorn")).Words();

        Assert.Contains("Jag hittar ingen sådan kollega", words, StringComparison.Ordinal);
        Assert.Contains("Ingen i organisationen heter \"Zacharias Zorn\"", words, StringComparison.Ordinal);
        Assert.Null((await KimStatusAsync())["forwardTo"]);
    }

    [Fact]
    public async Task OutsideWorkingHours_SetsItButDoesNotMessageTheColleague()
    {
        _team.Bot.App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.FromHours(1)));
        await _team.SayAsync(SaraId, "/status");

        var words = (await _team.SayAsync(KimId, "/vidarekoppla till Sara Nordin till 20:00")).Words();

        Assert.Contains("Sara Nordin får inget meddelande: vidarekopplingen slutar innan arbetstiden börjar.", words, StringComparison.Ordinal);
        Assert.Equal(SaraId, (string?)(await KimStatusAsync())["forwardTo"]!["id"]);
        Assert.Single(_team.MessagesTo(SaraId));
    }

    private async Task SaraMeetingAsync(string from, string until)
    {
        var (status, _) = await _team.Api.PutJsonAsync("/api/referrals/sara.nordin@lycksele.se/manual",
            new { reason = "meeting", from = $"2026-11-23T{from}", until = $"2026-11-23T{until}", note = "Lönesamtal" });
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
    }

    private async Task<JsonNode> KimStatusAsync() => (await _team.Api.GetJsonAsync($"/api/referrals/{KimUpn}")).Body!;
}
