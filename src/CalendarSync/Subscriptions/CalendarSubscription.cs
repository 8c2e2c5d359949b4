using NodaTime;

namespace PresenceBot.CalendarSync.Subscriptions;

/// <summary>
/// A Graph subscription on one person's events. <see cref="ClientState"/> is a per-subscription secret
/// that every notification must echo; it never leaves our database except to Graph.
/// </summary>
public sealed record CalendarSubscription(string Id, string PersonId, string Resource, string ClientState, Instant ExpiresAt, Instant CreatedAt);
