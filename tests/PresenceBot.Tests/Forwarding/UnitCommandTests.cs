using System.Net;
using PresenceBot.Tests.Bot.Conversation;
using static PresenceBot.Tests.ApiClient;
using static PresenceBot.Tests.Forwarding.TeamHarness;

namespace PresenceBot.Tests.Forwarding;

/// <summary>
/// "/enhet" (issue 14 §3), Monday 2026-11-23 09:00: Kansli (Lycksele) has Kim, Sara (its manager) and Ida Berg, phone
/// hours 09.00–12.00, one person needed.
/// </summary>
public sealed class UnitCommandTests : IAsyncLifetime
{
    private TeamHarness _team = null!;

    public async Task InitializeAsync() => _team = await TeamHarness.StartAsync();

    public async Task DisposeAsync() => await _team.DisposeAsync();

    [Fact]
    public async Task Manager_SeesWhoIsAwayWhoAnswersAndTheGapsWithAButtonEach()
    {
        await OpenGapAsync();

        var card = await _team.SayAsync(SaraId, "/enhet");

        var words = card.Words();
        Assert.Contains("Enheten Kansli, Lycksele kommun", words, StringComparison.Ordinal);
        Assert.Contains("Borta nu: Kim Krona: frånvarande, tillbaka klockan 15.00.", words, StringComparison.Ordinal);
        Assert.DoesNotContain("sjuk", words, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Kan svara nu: Sara Nordin, Ida Berg.", words, StringComparison.Ordinal);
        Assert.Contains("Telefontid i dag: 09.00–12.00.", words, StringComparison.Ordinal);
        Assert.Contains("Lucka 10.00–11.00: ingen kan svara.", words, StringComparison.Ordinal);
        Assert.Contains("Telefontid i morgon: 09.00–12.00. Bemannad hela tiden.", words, StringComparison.Ordinal);
        Assert.NotNull(card.Button("Påminn personalen: 10.00–11.00"));
    }

    [Fact]
    public async Task Member_SeesTheirOwnUnitWithoutButtons()
    {
        await OpenGapAsync();

        var card = await _team.SayAsync(IdaId, "/enhet");

        Assert.Contains("Lucka 10.00–11.00: ingen kan svara.", card.Words(), StringComparison.Ordinal);
        Assert.Null(card["actions"]);
    }

    [Fact]
    public async Task RemindStaff_AsksTheReachableMembersOncePerGap()
    {
        await OpenGapAsync();
        await _team.SayAsync(IdaId, "/status");
        var card = await _team.SayAsync(SaraId, "/enhet");
        var before = _team.Bot.Connector.Requests.Count;

        var answer = (await _team.PressAsync(SaraId, card.Button("Påminn personalen: 10.00–11.00"))).Words();

        Assert.Contains("Frågan om 10.00–11.00 gick till Ida Berg.", answer, StringComparison.Ordinal);
        Assert.Contains("Lucka 10.00–11.00", answer, StringComparison.Ordinal);
        var asked = (await _team.ReceivedAsync(IdaId, before)).Card().Words();
        Assert.Contains("Kan du ta telefontiden 10.00–11.00?", asked, StringComparison.Ordinal);

        var again = (await _team.PressAsync(SaraId, card.Button("Påminn personalen: 10.00–11.00"))).Words();

        Assert.Contains("Personalen är redan tillfrågad om 10.00–11.00.", again, StringComparison.Ordinal);
        Assert.Single(_team.MessagesTo(IdaId), m => m.Card().Words().Contains("Kan du ta telefontiden", StringComparison.Ordinal));
        Assert.Empty(_team.MessagesTo(KimId));
    }

    /// <summary>Kim sick until 15.00, Sara and Ida in meetings 10.00–11.00: nobody answers then.</summary>
    private async Task OpenGapAsync()
    {
        await PutAsync(KimUpn, new { reason = "sick", until = "2026-11-23T15:00" });
        await PutAsync("sara.nordin@lycksele.se", new { reason = "meeting", from = "2026-11-23T10:00", until = "2026-11-23T11:00" });
        await PutAsync("ida.berg@lycksele.se", new { reason = "meeting", from = "2026-11-23T10:00", until = "2026-11-23T11:00" });
    }

    private async Task PutAsync(string person, object body)
    {
        var (status, _) = await _team.Api.PutJsonAsync($"/api/referrals/{person}/manual", body);
        Assert.Equal(HttpStatusCode.OK, status);
    }
}
