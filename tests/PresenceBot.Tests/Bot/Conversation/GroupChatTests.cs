using System.Text.Json.Nodes;
using PresenceBot.TeamsChannel.Tests.Support;

namespace PresenceBot.Tests.Bot.Conversation;

/// <summary>
/// In a group chat or channel the bot says nothing personal (one's own reason, sick included, notes, voicemail, coupling):
/// it answers there in general terms and sends the details to the person's 1:1 chat.
/// </summary>
public sealed class GroupChatTests : IAsyncLifetime
{
    private const string SentPrivately = "Jag har skickat svaret till dig privat.";
    private const string TeamChannel = "19:general@thread.tacv2";
    private TeamsBotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await TeamsBotHarness.StartAsync();
        // Kim has the app personally: the 1:1 chat is known.
        await _bot.PostAsync(_bot.Activities.Installation("add"));
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("groupChat", TeamsActivities.GroupChat)]
    [InlineData("channel", TeamChannel)]
    public async Task SickLeaveWithANote_SetInAGroup_IsAnsweredPrivately_AndTheGroupHearsNothingPersonal(string conversationType, string conversationId)
    {
        await _bot.PostAsync(_bot.Activities.Message("/sjuk till 15:00 feber", conversationId, conversationType));

        var requests = await _bot.Connector.WaitForRequestsAsync(2);
        var inGroup = Assert.Single(requests, r => r.Path.Contains(conversationId, StringComparison.Ordinal));
        var privately = Assert.Single(requests, r => r.Path.Contains(TeamsActivities.PersonalChat, StringComparison.Ordinal));
        Assert.Equal(SentPrivately, (string?)inGroup.Body!["text"]);
        Assert.Null(inGroup.Body["attachments"]);
        var group = inGroup.Body.ToJsonString();
        Assert.DoesNotContain("sjuk", group, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("feber", group, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("feber", privately.Body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusAndVoicemail_AskedInAGroup_GoPrivately()
    {
        await _bot.PostAsync(_bot.Activities.Message("/status", TeamsActivities.GroupChat, "groupChat"));
        await _bot.Connector.WaitForRequestsAsync(2);
        await _bot.PostAsync(_bot.Activities.Message("/röstbrevlåda", TeamsActivities.GroupChat, "groupChat"));

        var requests = await _bot.Connector.WaitForRequestsAsync(4);
        Assert.Equal(2, requests.Count(r => r.Path.Contains(TeamsActivities.PersonalChat, StringComparison.Ordinal)));
        Assert.All(requests.Where(r => r.Path.Contains(TeamsActivities.GroupChat, StringComparison.Ordinal)),
            r => Assert.Equal(SentPrivately, (string?)r.Body!["text"]));
    }

    [Fact]
    public async Task Help_AskedInAGroup_IsAnsweredThere()
    {
        await _bot.PostAsync(_bot.Activities.Message("/hjälp", TeamsActivities.GroupChat, "groupChat"));

        var reply = Assert.Single(await _bot.Connector.WaitForRequestsAsync(1));
        Assert.Contains(TeamsActivities.GroupChat, reply.Path, StringComparison.Ordinal);
        Assert.NotNull(reply.Body!["attachments"]);
    }

    [Fact]
    public async Task CardActionInAChannel_AnswersGenerally_AndSendsTheCardPrivately()
    {
        var action = new TeamsActivities(_bot.Connector.ServiceUrl).CardAction("voicemail.show", new JsonObject { ["verb"] = "voicemail.show" });
        action["conversation"]!["id"] = TeamChannel;
        action["conversation"]!["conversationType"] = "channel";

        var (_, body) = await _bot.PostAsync(action);

        Assert.Equal(SentPrivately, (string?)body!["value"]);
        var privately = Assert.Single(await _bot.Connector.WaitForRequestsAsync(1));
        Assert.Contains(TeamsActivities.PersonalChat, privately.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonNotReachablePrivately_IsToldSo_WithoutTheDetails()
    {
        // Teams refuses the 1:1 chat (the app was removed there).
        _bot.Connector.Answer(new ConnectorAnswer(403));

        await _bot.PostAsync(_bot.Activities.Message("/sjuk till 15:00 feber", TeamsActivities.GroupChat, "groupChat"));

        var reply = Assert.Single(await _bot.Connector.WaitForRequestsAsync(2), r => r.Path.Contains(TeamsActivities.GroupChat, StringComparison.Ordinal));
        Assert.Contains(TeamsActivities.GroupChat, reply.Path, StringComparison.Ordinal);
        Assert.DoesNotContain("feber", reply.Body!.ToJsonString(), StringComparison.Ordinal);
    }
}
