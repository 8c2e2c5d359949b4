using NodaTime;

namespace PresenceBot.Referrals.Reminders;

/// <summary>A reminder that was sent (claimed) earlier: what kind and when.</summary>
public sealed record SentReminder(ReminderKind Kind, Instant SentAt);
