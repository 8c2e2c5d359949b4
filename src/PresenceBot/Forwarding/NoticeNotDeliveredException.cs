using PresenceBot.Referrals.Reminders;

namespace PresenceBot.Forwarding;

/// <summary>Teams did not take a queued forwarding notice (it answered with an error, or the chat is paused): the queue tries again.</summary>
internal sealed class NoticeNotDeliveredException(ReminderKind kind)
    : Exception($"The {kind} notice was not delivered; it is tried again.");
