using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using PresenceBot.GraphStandIn.Calendars;
using PresenceBot.GraphStandIn.Directory;

namespace PresenceBot.GraphStandIn.Mail;

/// <summary>
/// People's inboxes, for tests in-process (the dev API calls the same methods): mail arrives, is read or deleted, as it
/// would in Outlook. Message ids are as long as Graph's (about 150 characters), so a consumer that stores them finds
/// out early whether they fit.
/// </summary>
public sealed class StandInMailboxes
{
    private static readonly string[] ImportanceValues = ["low", "normal", "high"];

    private readonly MailStore _store;
    private readonly StandInDirectory _directory;
    private readonly TimeProvider _time;

    internal StandInMailboxes(MailStore store, StandInDirectory directory, TimeProvider time)
    {
        _store = store;
        _directory = directory;
        _time = time;
    }

    /// <summary>Delivers a message to the user's inbox (the user is created when unknown). Throws <see cref="ArgumentException"/> on a bad draft.</summary>
    public StandInMessage Deliver(string userId, MessageDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var user = _directory.EnsureUser(userId);
        var now = _time.GetUtcNow();
        var message = new StandInMessage
        {
            Id = "AAMkAG" + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(108)) + "=",
            UserId = user.Id,
            ChangeKey = NewChangeKey(),
            CreatedDateTime = now,
            LastModifiedDateTime = now,
            ReceivedDateTime = draft.ReceivedDateTime ?? now,
            Subject = draft.Subject ?? "",
            Body = draft.Body ?? new ItemBody("text", ""),
            From = draft.From?.EmailAddress ?? new EmailAddress(null, null),
            To = new EmailAddress(user.DisplayName, user.Mail ?? user.UserPrincipalName),
            IsRead = draft.IsRead ?? false,
            HasAttachments = draft.HasAttachments ?? false,
            Importance = Importance(draft.Importance),
            InternetMessageId = $"<{Guid.NewGuid():N}@standin.example>",
            ConversationId = "AAQkAG" + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(30)) + "=",
            ExtendedProperties = Properties(draft),
        };
        _store.Put(message);
        return message;
    }

    /// <summary>Marks the message read (or unread again); null when it is not in the inbox.</summary>
    public StandInMessage? MarkRead(string userId, string messageId, bool isRead = true)
    {
        if (Find(userId, messageId) is not { } message)
        {
            return null;
        }

        var changed = message with { IsRead = isRead, ChangeKey = NewChangeKey(), LastModifiedDateTime = _time.GetUtcNow() };
        _store.Put(changed);
        return changed;
    }

    /// <summary>Deletes the message (from the inbox's point of view, moving it to Deleted Items is the same); false when it is not there.</summary>
    public bool Delete(string userId, string messageId) =>
        _directory.FindUser(userId) is { } user && _store.Delete(user.Id, messageId);

    public StandInMessage? Find(string userId, string messageId) =>
        _directory.FindUser(userId) is { } user ? _store.Find(user.Id, messageId) : null;

    /// <summary>The user's inbox, newest first.</summary>
    public IReadOnlyList<StandInMessage> Messages(string userId) =>
        _directory.FindUser(userId) is { } user ? _store.Messages(user.Id) : [];

    private static List<ExtendedProperty> Properties(MessageDraft draft)
    {
        var properties = ExtendedPropertyMerge.Merge([], draft.SingleValueExtendedProperties);

        if (draft.MessageClass is not null || !properties.Exists(p => p.Id == PropertyId.MessageClass))
        {
            var value = draft.MessageClass ?? "IPM.Note";
            if (value.Length is 0 or > 255 || value.Any(c => c is < ' ' or > '~'))
            {
                throw new ArgumentException("messageClass must be 1 to 255 printable ASCII characters, like IPM.Note.", nameof(draft));
            }

            properties.RemoveAll(p => p.Id == PropertyId.MessageClass);
            properties.Add(new ExtendedProperty(PropertyId.MessageClass, value));
        }

        return properties;
    }

    private static string Importance(string? value) => value is null
        ? "normal"
        : ImportanceValues.FirstOrDefault(v => v.Equals(value, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"importance must be one of {string.Join(", ", ImportanceValues)}.", nameof(value));

    private static string NewChangeKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
}
