using System.Text.Json.Nodes;
using static PresenceBot.TeamsChannel.Tests.Support.People;

namespace PresenceBot.TeamsChannel.Tests.Support;

/// <summary>Activities shaped as Teams sends them (ids, tenant in both places, an unknown field to be kept harmlessly).</summary>
public sealed class TeamsActivities(string serviceUrl)
{
    public const string TenantId = "c0ffee00-1111-4222-8333-444455556666";
    public const string BotId = "28:0b5e3c1a-7d2f-4e8b-9a61-3c4d5e6f7a8b";
    public const string KimTeamsId = "29:1kim-krona-teams-user";
    public const string PersonalChat = "a:1kim-personal-chat";
    public const string GroupChat = "19:group-chat@thread.v2";

    public JsonObject Message(string text = "hej", string conversationId = PersonalChat, string conversationType = "personal", string? aadObjectId = KimId) =>
        Base("message", conversationId, conversationType, aadObjectId, new JsonObject { ["text"] = text, ["textFormat"] = "plain", ["locale"] = "sv-SE" });

    public JsonObject CardSubmit(JsonObject value) =>
        Base("message", PersonalChat, "personal", KimId, new JsonObject { ["value"] = value });

    public JsonObject CardAction(string verb, JsonObject data) =>
        Base("invoke", PersonalChat, "personal", KimId, new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } },
        });

    public JsonObject Installation(string action, string conversationId = PersonalChat, string conversationType = "personal") =>
        Base("installationUpdate", conversationId, conversationType, KimId, new JsonObject { ["action"] = action });

    public JsonObject BotAdded() =>
        Base("conversationUpdate", PersonalChat, "personal", KimId, new JsonObject { ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId }) });

    public JsonObject OfType(string type) => Base(type, PersonalChat, "personal", KimId, []);

    private JsonObject Base(string type, string conversationId, string conversationType, string? aadObjectId, JsonObject extra)
    {
        var from = new JsonObject { ["id"] = KimTeamsId, ["name"] = "Kim Krona" };
        if (aadObjectId is not null)
        {
            from["aadObjectId"] = aadObjectId;
        }

        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = $"activity-{Guid.NewGuid():N}",
            ["timestamp"] = "2026-11-23T08:00:00.000Z",
            ["localTimestamp"] = "2026-11-23T09:00:00.000+01:00",
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = from,
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = TenantId },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "PresenceBot" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "sv-SE", ["country"] = "SE" }),
            ["someFutureField"] = new JsonObject { ["kept"] = true },
        };
        foreach (var (key, value) in extra)
        {
            activity[key] = value?.DeepClone();
        }

        return activity;
    }
}
