namespace PresenceBot.CalendarSync.Voicemail;

/// <summary>
/// One person's inbox as read: every unread voicemail in it, or, when it could not be read in full, nothing and why —
/// then nothing may be concluded from it (a missing message is not a heard one).
/// </summary>
public sealed record MailboxRead
{
    public required string PersonId { get; init; }

    /// <summary>Every unread voicemail; null when the read failed.</summary>
    public IReadOnlyList<MailboxVoicemail>? Unread { get; init; }

    /// <summary>Graph's status when the read failed (403, 404, 429 …); null when it succeeded or no answer came at all.</summary>
    public int? FailureStatus { get; init; }

    /// <summary>Graph's error code when it gave one (<c>MailboxNotEnabledForRESTAPI</c>, <c>ErrorAccessDenied</c> …).</summary>
    public string? FailureCode { get; init; }

    public static MailboxRead Complete(string personId, IReadOnlyList<MailboxVoicemail> unread) => new() { PersonId = personId, Unread = unread };

    public static MailboxRead Failed(string personId, int? status, string? code = null) =>
        new() { PersonId = personId, FailureStatus = status, FailureCode = code };
}
