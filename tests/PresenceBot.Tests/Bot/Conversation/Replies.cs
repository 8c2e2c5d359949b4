using System.Text.Json.Nodes;

namespace PresenceBot.Tests.Bot.Conversation;

/// <summary>Reading the bot's answers: a reply activity's card, all the words on a card, and its buttons by title.</summary>
public static class Replies
{
    public static JsonNode Card(this JsonNode reply) => reply["attachments"]![0]!["content"]!;

    /// <summary>Every string on the card (texts, fact values, button titles), so a test can look for a sentence.</summary>
    public static string Words(this JsonNode card) => string.Join(" | ", Strings(card));

    /// <summary>The button with this title; its <c>data</c> is what pressing it sends.</summary>
    public static JsonObject Button(this JsonNode card, string title) =>
        card["actions"]!.AsArray().Select(a => a!.AsObject()).Single(a => (string?)a["title"] == title);

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Strings(p.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };
}
