using System.Text.Json.Nodes;
using PresenceBot.Tests.Bot;
using PresenceBot.Tests.Bot.Conversation;

namespace PresenceBot.Tests.Forwarding;

/// <summary>
/// The bot with several people talking to it, each from their own 1:1 chat, over the sample organisation plus two
/// colleagues named Ida Berg (one in Kim's unit, one in Storuman): what each person's chat received is read from the
/// connector stand-in by the chat's id.
/// </summary>
public sealed class TeamHarness : IAsyncDisposable
{
    public const string SaraId = "ee773616-c5ea-4b74-b7a8-491b07114505";
    public const string PeterId = "90ac231d-76e2-4696-9abf-e33ba5a7630c";
    public const string IdaId = "1da0b3e9-0000-4000-8000-00000000a001";
    public const string IdaStorumanId = "1da0b3e9-0000-4000-8000-00000000a002";

    private HttpClient _api = null!;

    private TeamHarness()
    {
    }

    public TeamsBotHarness Bot { get; private set; } = null!;

    public HttpClient Api => _api;

    public static async Task<TeamHarness> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "presencebot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "organisation.json");
        var organisation = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Organisation", "sample-organisation.json")))!;
        var people = organisation["people"]!.AsArray();
        people.Add(new JsonObject { ["id"] = IdaId, ["upn"] = "ida.berg@lycksele.se", ["name"] = "Ida Berg", ["unit"] = "kansli-lycksele" });
        people.Add(new JsonObject { ["id"] = IdaStorumanId, ["upn"] = "ida.berg@storuman.se", ["name"] = "Ida Berg", ["unit"] = "socialtjanst-storuman" });
        await File.WriteAllTextAsync(file, organisation.ToJsonString());
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Organisation:File"] = file };
        var harness = new TeamHarness { Bot = await TeamsBotHarness.StartAsync(all) };
        harness._api = harness.Bot.App.CreateClient();
        return harness;
    }

    public static string ChatOf(string personId) => personId == ApiClient.KimId ? TeamsChannel.Tests.Support.TeamsActivities.PersonalChat : $"a:chat-{personId}";

    /// <summary>Says <paramref name="text"/> as the person, from their own 1:1 chat, and returns the reply (a card).</summary>
    public async Task<JsonNode> SayAsync(string personId, string text)
    {
        var before = Bot.Connector.Requests.Count;
        await Bot.PostAsync(Bot.Activities.Message(text, conversationId: ChatOf(personId), aadObjectId: personId));
        return (await ReceivedAsync(personId, before, reply: true)).Card();
    }

    /// <summary>Presses a card's button as the person (<c>Action.Execute</c>); returns the card or text that answers it.</summary>
    public async Task<JsonNode> PressAsync(string personId, JsonObject button, JsonObject? inputs = null)
    {
        var data = (JsonObject)button["data"]!.DeepClone();
        foreach (var (key, value) in inputs ?? [])
        {
            data[key] = value?.DeepClone();
        }

        var activity = Bot.Activities.CardAction((string)button["verb"]!, data);
        activity["from"]!["aadObjectId"] = personId;
        activity["conversation"]!["id"] = ChatOf(personId);
        var (_, body) = await Bot.PostAsync(activity);
        Assert.Equal(200, (int?)body!["statusCode"]);
        return body["value"]!;
    }

    /// <summary>
    /// Kim forwards to Sara (reachable, with a chat with the bot) until <paramref name="until"/>; returns Kim's reply once
    /// Sara's notice, which the work queue sends, has arrived and its run is recorded as done, so what a test does next
    /// (moving the clock, say) is not mixed up with it.
    /// </summary>
    public async Task<JsonNode> ForwardKimToSaraAsync(string until)
    {
        var before = Bot.Connector.Requests.Count;
        var reply = await SayAsync(ApiClient.KimId, $"/vidarekoppla till Sara Nordin till {until}");
        await ReceivedAsync(SaraId, before);
        await Calendar.Eventually.TrueAsync(
            async () => await Bot.CountAsync("work_items", "Kind = 'forwarding-notice'") == 0, "Sara's notice recorded as sent");
        return reply;
    }

    /// <summary>Every message a person's chat received (replies and proactive messages), oldest first.</summary>
    public IReadOnlyList<JsonNode> MessagesTo(string personId) =>
        Bot.Connector.Requests.Where(r => r.Path.Contains(ChatOf(personId), StringComparison.Ordinal)).Select(r => r.Body!).ToList();

    /// <summary>Waits (bounded) for the next message to the person's chat after the first <paramref name="after"/> requests.</summary>
    public async Task<JsonNode> ReceivedAsync(string personId, int after, bool reply = false)
    {
        for (var count = after + 1; ; count++)
        {
            var requests = await Bot.Connector.WaitForRequestsAsync(count);
            var request = requests[count - 1];
            var isReply = request.Path.Split('/').Length > 5 && !request.Path.EndsWith("/activities", StringComparison.Ordinal);
            if (request.Path.Contains(ChatOf(personId), StringComparison.Ordinal) && (!reply || isReply))
            {
                return request.Body!;
            }
        }
    }

    /// <summary>Waits (bounded, in real time) until the outbox has delivered every committed change.</summary>
    public async Task DrainChangesAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await Bot.CountAsync("work_items", "kind = 'referral-changed'") > 0)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        await Bot.DisposeAsync();
    }
}
