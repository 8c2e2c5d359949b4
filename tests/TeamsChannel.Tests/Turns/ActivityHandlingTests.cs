using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using PresenceBot.TeamsChannel.Activities;
using PresenceBot.TeamsChannel.Cards;
using static PresenceBot.TeamsChannel.Tests.Support.People;
using PresenceBot.TeamsChannel.Tests.Support;

namespace PresenceBot.TeamsChannel.Tests.Turns;

/// <summary>The anonymous channel (as for the Emulator) over real HTTP, answering through the connector stand-in.</summary>
public sealed class ActivityHandlingTests : IAsyncLifetime
{
    private ChannelHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChannelHarness.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Message_GetsAReplyInTheSameConversation()
    {
        var message = _bot.Activities.Message("status");

        var (status, _) = await _bot.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, status);
        var reply = Assert.Single(await _bot.Connector.WaitForRequestsAsync(1));
        Assert.Equal("POST", reply.Method);
        Assert.Equal($"/emea/v3/conversations/{TeamsActivities.PersonalChat}/activities/{message["id"]}", reply.Path);
        Assert.Equal("message", (string?)reply.Body!["type"]);
        Assert.Equal(RecordingConversation.Answer, (string?)reply.Body["text"]);
        Assert.Equal((string?)message["id"], (string?)reply.Body["replyToId"]);
        Assert.Equal(TeamsActivities.PersonalChat, (string?)reply.Body["conversation"]!["id"]);
        Assert.Equal(TeamsActivities.BotId, (string?)reply.Body["from"]!["id"]);
        Assert.Equal(TeamsActivities.KimTeamsId, (string?)reply.Body["recipient"]!["id"]);
        Assert.Null(reply.Authorization);
    }

    [Fact]
    public async Task Message_ReachesTheConversation_WithThePersonMappedFromTheirEntraId()
    {
        await _bot.PostAsync(_bot.Activities.Message("status"));

        var turn = Assert.Single(_bot.Conversation.Messages);
        Assert.Equal(KimId, turn.PersonId);
        Assert.Equal("Kim Krona", turn.UserName);
        Assert.Equal("status", turn.Text);
        Assert.True(turn.IsPersonal);
        Assert.Equal(ChannelHarness.TenantId, turn.TenantId);
        Assert.Null(turn.Value);
    }

    [Fact]
    public async Task Message_FromSomeoneTheApplicationDoesNotKnow_StillReachesTheConversation_WithoutAPerson()
    {
        await _bot.PostAsync(_bot.Activities.Message("hej", aadObjectId: StrangerId));

        var turn = Assert.Single(_bot.Conversation.Messages);
        Assert.Null(turn.PersonId);
        Assert.Equal(0, _bot.CountReferences());
    }

    [Fact]
    public async Task MentionOfTheBot_IsRemovedFromTheText()
    {
        var message = _bot.Activities.Message("<at>PresenceBot</at> /tillbaka", TeamsActivities.GroupChat, "groupChat");
        message["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>PresenceBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = TeamsActivities.BotId, ["name"] = "PresenceBot" },
        });

        await _bot.PostAsync(message);

        Assert.Equal("/tillbaka", Assert.Single(_bot.Conversation.Messages).Text);
    }

    [Fact]
    public async Task ConversationCanUpdateItsOwnMessage_ByPuttingItsId()
    {
        await _bot.PostAsync(_bot.Activities.Message("uppdatera"));

        var requests = await _bot.Connector.WaitForRequestsAsync(2);
        var update = requests[1];
        Assert.Equal("PUT", update.Method);
        Assert.StartsWith($"/emea/v3/conversations/{TeamsActivities.PersonalChat}/activities/sent-", update.Path, StringComparison.Ordinal);
        Assert.Equal(update.Path.Split('/')[^1], (string?)update.Body!["id"]);
        Assert.Equal("AdaptiveCard", (string?)update.Body["attachments"]![0]!["content"]!["type"]);
    }

    [Fact]
    public async Task CardSubmit_ReachesTheConversation_WithItsValue()
    {
        var (status, _) = await _bot.PostAsync(_bot.Activities.CardSubmit(new JsonObject { ["reason"] = "meeting", ["until"] = "15:00" }));

        Assert.Equal(HttpStatusCode.OK, status);
        var value = Assert.Single(_bot.Conversation.Messages).Value;
        Assert.NotNull(value);
        Assert.Equal("meeting", value.Value.GetProperty("reason").GetString());
        Assert.Equal("15:00", value.Value.GetProperty("until").GetString());
    }

    [Fact]
    public async Task CardAction_GetsAnInvokeResponse_WithTheConversationsText()
    {
        var (status, body) = await _bot.PostAsync(_bot.Activities.CardAction("save", new JsonObject { ["reason"] = "lunch" }));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, (int?)body!["statusCode"]);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)body["type"]);
        Assert.Equal(RecordingConversation.Answer, (string?)body["value"]);
        var (_, submission) = Assert.Single(_bot.Conversation.CardActions);
        Assert.Equal("save", submission.Verb);
        Assert.Equal("lunch", submission.Data!.Value.GetProperty("reason").GetString());
        Assert.Empty(_bot.Connector.Requests);
    }

    [Fact]
    public async Task CardAction_AnsweredWithACard_ReplacesTheCard()
    {
        var (_, body) = await _bot.PostAsync(_bot.Activities.CardAction("card", []));

        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body!["type"]);
        Assert.Equal("AdaptiveCard", (string?)body["value"]!["type"]);
        Assert.Equal("1.5", (string?)body["value"]!["version"]);
    }

    [Fact]
    public async Task FailingConversation_SaysSoInSwedish_AndTheChannelGets200()
    {
        _bot.Conversation.Fail = true;

        var (status, _) = await _bot.PostAsync(_bot.Activities.Message());

        Assert.Equal(HttpStatusCode.OK, status);
        var apology = Assert.Single(await _bot.Connector.WaitForRequestsAsync(1));
        Assert.StartsWith("Något gick fel", (string?)apology.Body!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_StoresTheReference_AndUninstall_ForgetsIt()
    {
        var (installed, _) = await _bot.PostAsync(_bot.Activities.Installation("add"));

        Assert.Equal(HttpStatusCode.OK, installed);
        var reference = Assert.Single(_bot.References.All);
        Assert.Equal(
            (KimId, TeamsActivities.PersonalChat, TeamsActivities.KimTeamsId, TeamsActivities.BotId, ChannelHarness.TenantId, false),
            (reference.PersonId, reference.ConversationId, reference.UserId, reference.BotId, reference.TenantId, reference.IsStale));

        var (removed, _) = await _bot.PostAsync(_bot.Activities.Installation("remove"));

        Assert.Equal(HttpStatusCode.OK, removed);
        Assert.Equal(0, _bot.CountReferences());
    }

    [Fact]
    public async Task BotAddedToThePersonalChat_StoresTheReference()
    {
        await _bot.PostAsync(_bot.Activities.BotAdded());

        Assert.Equal(1, _bot.CountReferences(r => r.ConversationId == TeamsActivities.PersonalChat));
    }

    [Fact]
    public async Task Message_StoresTheReference_SoThePersonCanBeReachedLater()
    {
        await _bot.PostAsync(_bot.Activities.Message());

        Assert.Equal(1, _bot.CountReferences(r => r.PersonId == KimId));
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("messageReaction")]
    [InlineData("event")]
    [InlineData("endOfConversation")]
    [InlineData("somethingNew")]
    public async Task OtherActivityTypes_Are200_AndIgnored(string type)
    {
        var (status, _) = await _bot.PostAsync(_bot.Activities.OfType(type));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(_bot.Connector.Requests);
        Assert.Empty(_bot.Conversation.Messages);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[1, 2]")]
    [InlineData("{}")]
    [InlineData("""{"type": 5}""")]
    [InlineData("""{"type": "message", "conversation": {"id": "a:1"}}""")]
    [InlineData("""{"type": "message", "serviceUrl": "ftp://example.org/", "conversation": {"id": "a:1"}}""")]
    [InlineData("""{"type": "message", "serviceUrl": "https://smba.trafficmanager.net/emea/"}""")]
    [InlineData("""{"type": "message", "serviceUrl": "https://smba.trafficmanager.net/emea/", "conversation": {"id": "a:1"}, "timestamp": "yesterday"}""")]
    [InlineData("""{"type": "message", "serviceUrl": "https://smba.trafficmanager.net/emea/", "conversation": "a:1"}""")]
    public async Task MalformedActivity_Is400_Never500(string body)
    {
        var (status, _) = await _bot.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Empty(_bot.Conversation.Messages);
    }

    [Fact]
    public async Task NonJsonContentType_Is400()
    {
        var (status, _) = await _bot.PostRawAsync(_bot.Activities.Message().ToJsonString(), contentType: "text/plain");

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task UnknownFields_AreKeptHarmlessly()
    {
        var message = _bot.Activities.Message();
        message["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "text/html", ["content"] = "<p>hej</p>", ["unknown"] = 1 });
        message["from"]!["userRole"] = "user";

        var (status, _) = await _bot.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Single(_bot.Conversation.Messages);
    }

    [Fact]
    public void Activity_RoundTripsFieldsItDoesNotModel()
    {
        var json = _bot.Activities.Message().ToJsonString();

        var activity = JsonSerializer.Deserialize<PresenceBot.TeamsChannel.Activities.Activity>(json, PresenceBot.TeamsChannel.Activities.ChannelJson.Options)!;
        var again = JsonNode.Parse(JsonSerializer.Serialize(activity, PresenceBot.TeamsChannel.Activities.ChannelJson.Options))!;

        Assert.True((bool?)again["someFutureField"]!["kept"]);
        Assert.Equal("2026-11-23T09:00:00.000+01:00", (string?)again["localTimestamp"]);
        Assert.Equal(KimId, (string?)again["from"]!["aadObjectId"]);
    }
}
