using NodaTime;

namespace PresenceBot.CalendarSync.Notifications;

/// <summary>
/// One accepted Graph notification, recorded before we answer 202. <see cref="Kind"/> is the change type
/// (created, updated, deleted) or the lifecycle event (reauthorizationRequired, subscriptionRemoved, missed).
/// Only ids are kept: never a subject or anything else from the booking.
/// </summary>
public sealed record InboxEntry(Guid Id, Instant ReceivedAt, string PersonId, string SubscriptionId, string Kind, string? EventId)
{
    public const string ReauthorizationRequired = "reauthorizationRequired";
    public const string SubscriptionRemoved = "subscriptionRemoved";
    public const string Missed = "missed";

    public bool IsLifecycle => Kind is ReauthorizationRequired or SubscriptionRemoved or Missed;
}
