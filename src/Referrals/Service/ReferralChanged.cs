using NodaTime;
using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Referrals.Service;

/// <summary>
/// Published (through the outbox) after a person's referrals changed, so the switchboard, reminders
/// and coverage alerts can react. It carries no reason: subscribers read the effective status,
/// which keeps sick leave from leaking through events.
/// </summary>
public sealed record ReferralChanged(Guid EventId, string PersonId, Instant OccurredAt, ReferralSource Source, string Actor, string Action);
