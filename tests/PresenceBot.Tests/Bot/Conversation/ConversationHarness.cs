using System.Text.Json.Nodes;
using PresenceBot.Tests.Bot;
using static PresenceBot.Tests.ApiClient;

namespace PresenceBot.Tests.Bot.Conversation;

/// <summary>
/// The shipped conversation behind the real channel (<see cref="TeamsBotHarness"/>): say something as Kim, read the
/// bot's reply from the connector stand-in, press a card's button, and read Kim's referral from the switchboard API.
/// </summary>
public sealed class ConversationHarness : IAsyncDisposable
{
    private HttpClient _api = null!;
    private int _replies;

    private ConversationHarness()
    {
    }

    public TeamsBotHarness Bot { get; private set; } = null!;

    public static async Task<ConversationHarness> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var harness = new ConversationHarness { Bot = await TeamsBotHarness.StartAsync(settings) };
        harness._api = harness.Bot.App.CreateClient();
        return harness;
    }

    /// <summary>Posts a typed message and returns the bot's reply activity (text and, when sent, the card).</summary>
    public Task<JsonNode> SayAsync(string text, string? aadObjectId = KimId) => PostForReplyAsync(Bot.Activities.Message(text, aadObjectId: aadObjectId));

    /// <summary>Presses a button as <c>Action.Submit</c>: its data (plus any inputs) arrive as a message's value.</summary>
    public Task<JsonNode> SubmitAsync(JsonObject action, JsonObject? inputs = null) =>
        PostForReplyAsync(Bot.Activities.CardSubmit(Merge(action, inputs)));

    /// <summary>Presses a button as <c>Action.Execute</c>; returns the invoke response's value (a card or a text).</summary>
    public async Task<JsonNode> ExecuteAsync(JsonObject action, JsonObject? inputs = null)
    {
        var (_, body) = await Bot.PostAsync(Bot.Activities.CardAction((string)action["verb"]!, Merge(action, inputs)));
        Assert.Equal(200, (int?)body!["statusCode"]);
        return body["value"]!;
    }

    public async Task<JsonNode> ReferralAsync()
    {
        var (_, body) = await _api.GetJsonAsync($"/api/referrals/{KimUpn}");
        return body!;
    }

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        await Bot.DisposeAsync();
    }

    /// <summary>Posts an activity shaped by the test and returns the bot's reply.</summary>
    public async Task<JsonNode> PostForReplyAsync(JsonObject activity)
    {
        await Bot.PostAsync(activity);
        var requests = await Bot.Connector.WaitForRequestsAsync(++_replies);
        return requests[_replies - 1].Body!;
    }

    private static JsonObject Merge(JsonObject action, JsonObject? inputs)
    {
        var data = (JsonObject)action["data"]!.DeepClone();
        foreach (var (key, value) in inputs ?? [])
        {
            data[key] = value?.DeepClone();
        }

        return data;
    }
}
