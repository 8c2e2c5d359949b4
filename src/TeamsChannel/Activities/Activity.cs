using System.Text.Json;
using System.Text.Json.Serialization;
using PresenceBot.TeamsChannel.Connector;

namespace PresenceBot.TeamsChannel.Activities;

/// <summary>
/// A Bot Framework activity, in and out. Only the fields the bot uses are typed; the rest are kept
/// in <see cref="Extra"/> so nothing a channel sends breaks parsing.
/// </summary>
internal sealed record Activity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public string? Text { get; init; }

    /// <summary>What a notification or the chat list shows for a message whose content is a card.</summary>
    public string? Summary { get; init; }

    public string? Locale { get; init; }

    public JsonElement? Value { get; init; }

    /// <summary>The invoke's name, e.g. <c>adaptiveCard/action</c>.</summary>
    public string? Name { get; init; }

    public IReadOnlyList<JsonElement>? Entities { get; init; }

    public JsonElement? ChannelData { get; init; }

    public string? ReplyToId { get; init; }

    /// <summary>installationUpdate: <c>add</c>, <c>remove</c>, <c>add-upgrade</c>, <c>remove-upgrade</c>.</summary>
    public string? Action { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
