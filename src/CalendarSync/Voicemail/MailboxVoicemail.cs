using NodaTime;

namespace PresenceBot.CalendarSync.Voicemail;

/// <summary>
/// An unread voicemail in a person's inbox, reduced to what the ledger keeps: the message id, when it came, the
/// caller's name or number and (when the voicemail service wrote it) its length. No subject, body or audio.
/// </summary>
public sealed record MailboxVoicemail(string Id, Instant ReceivedAt, string? Caller, int? DurationSeconds);
