using System.Text.Json;

namespace PresenceBot.TeamsChannel.Activities;

internal static class ActivityExtensions
{
    /// <summary>Teams gives the tenant on the conversation and in <c>channelData.tenant.id</c>; either will do.</summary>
    public static string? TenantId(this Activity activity)
    {
        if (!string.IsNullOrEmpty(activity.Conversation?.TenantId))
        {
            return activity.Conversation.TenantId;
        }

        return activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
            && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
    }

    public static bool IsPersonal(this Activity activity) =>
        string.Equals(activity.Conversation?.ConversationType, ConversationAccount.Personal, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the bot itself is among <paramref name="members"/> (it was added or removed).</summary>
    public static bool IncludesBot(this Activity activity, IReadOnlyList<ChannelAccount>? members) =>
        members is not null && activity.Recipient?.Id is { } bot && members.Any(m => m.Id == bot);

    /// <summary>
    /// The text without the bot's own @-mention (Teams puts <c>&lt;at&gt;PresenceBot&lt;/at&gt;</c> in group chats),
    /// so commands read the same everywhere.
    /// </summary>
    public static string? TextWithoutMention(this Activity activity)
    {
        var text = activity.Text;
        if (text is null || activity.Entities is null)
        {
            return text?.Trim();
        }

        foreach (var entity in activity.Entities)
        {
            if (entity.ValueKind == JsonValueKind.Object
                && entity.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "mention"
                && entity.TryGetProperty("mentioned", out var mentioned) && mentioned.ValueKind == JsonValueKind.Object
                && mentioned.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == activity.Recipient?.Id
                && entity.TryGetProperty("text", out var mentionText) && mentionText.ValueKind == JsonValueKind.String)
            {
                text = text.Replace(mentionText.GetString()!, string.Empty, StringComparison.Ordinal);
            }
        }

        return text.Trim();
    }

    /// <summary>The <c>timezone</c> of the <c>clientInfo</c> entity Teams adds to messages, as written (an IANA id).</summary>
    public static string? ClientTimeZone(this Activity activity) =>
        activity.Entities?
            .Where(e => e.ValueKind == JsonValueKind.Object
                        && e.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "clientInfo")
            .Select(e => e.TryGetProperty("timezone", out var zone) && zone.ValueKind == JsonValueKind.String ? zone.GetString() : null)
            .FirstOrDefault(zone => !string.IsNullOrWhiteSpace(zone));
}
