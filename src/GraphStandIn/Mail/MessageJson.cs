using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using PresenceBot.GraphStandIn.Calendars;

namespace PresenceBot.GraphStandIn.Mail;

/// <summary>
/// Writes a message in Graph's message shape. With <c>$select</c> only the properties asked for are written (plus
/// <c>@odata.etag</c> and <c>id</c>, as Graph always does); with <c>$expand</c> the matching extended properties too.
/// </summary>
internal static class MessageJson
{
    /// <summary>The message properties the stand-in writes, in Graph's order; <c>$select</c> may name any of them.</summary>
    public static readonly IReadOnlyList<string> Properties =
    [
        "id", "createdDateTime", "lastModifiedDateTime", "changeKey", "categories", "receivedDateTime", "sentDateTime",
        "hasAttachments", "internetMessageId", "subject", "bodyPreview", "importance", "parentFolderId", "conversationId",
        "isDeliveryReceiptRequested", "isReadReceiptRequested", "isRead", "isDraft", "webLink", "inferenceClassification",
        "body", "sender", "from", "toRecipients", "ccRecipients", "bccRecipients", "replyTo", "flag",
    ];

    public static JsonObject Render(StandInMessage message, MessageQuery? query = null)
    {
        var all = Full(message);
        var json = new JsonObject { ["@odata.etag"] = $"W/\"{message.ChangeKey}\"" };
        foreach (var name in Properties.Where(p => p == "id" || query?.Select is null || query.Select.Contains(p)))
        {
            json[name] = all[name]?.DeepClone();
        }

        if (query?.ExpandProperties is { } expand)
        {
            json["singleValueExtendedProperties"] = new JsonArray([.. message.ExtendedProperties
                .Where(expand)
                .Select(p => (JsonNode)new JsonObject { ["id"] = p.Id, ["value"] = p.Value })]);
        }

        return json;
    }

    /// <summary>The user's inbox folder id: stable per user, shaped like Graph's.</summary>
    public static string InboxId(string userId) =>
        "AAMkAG" + WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes(userId.ToUpperInvariant()))) + "AAAAAAEMAAA=";

    private static JsonObject Full(StandInMessage m) => new()
    {
        ["id"] = m.Id,
        ["createdDateTime"] = Seconds(m.CreatedDateTime),
        ["lastModifiedDateTime"] = Seconds(m.LastModifiedDateTime),
        ["changeKey"] = m.ChangeKey,
        ["categories"] = new JsonArray(),
        ["receivedDateTime"] = Seconds(m.ReceivedDateTime),
        ["sentDateTime"] = Seconds(m.ReceivedDateTime),
        ["hasAttachments"] = m.HasAttachments,
        ["internetMessageId"] = m.InternetMessageId,
        ["subject"] = m.Subject,
        ["bodyPreview"] = m.Body.Content.Length > 255 ? m.Body.Content[..255] : m.Body.Content,
        ["importance"] = m.Importance,
        ["parentFolderId"] = InboxId(m.UserId),
        ["conversationId"] = m.ConversationId,
        ["isDeliveryReceiptRequested"] = false,
        ["isReadReceiptRequested"] = false,
        ["isRead"] = m.IsRead,
        ["isDraft"] = false,
        ["webLink"] = $"https://outlook.office365.com/owa/?ItemID={Uri.EscapeDataString(m.Id)}&exvsurl=1&viewmodel=ReadMessageItem",
        ["inferenceClassification"] = "focused",
        ["body"] = new JsonObject { ["contentType"] = m.Body.ContentType, ["content"] = m.Body.Content },
        ["sender"] = Recipient(m.From),
        ["from"] = Recipient(m.From),
        ["toRecipients"] = new JsonArray(Recipient(m.To)),
        ["ccRecipients"] = new JsonArray(),
        ["bccRecipients"] = new JsonArray(),
        ["replyTo"] = new JsonArray(),
        ["flag"] = new JsonObject { ["flagStatus"] = "notFlagged" },
    };

    private static JsonObject Recipient(EmailAddress address) =>
        new() { ["emailAddress"] = new JsonObject { ["name"] = address.Name, ["address"] = address.Address } };

    /// <summary>Graph writes a message's times to the second: <c>2026-11-23T08:00:00Z</c>.</summary>
    private static string Seconds(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
