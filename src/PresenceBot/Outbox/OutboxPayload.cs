using NodaTime;
using NodaTime.Text;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Service;

namespace PresenceBot.Outbox;

/// <summary>
/// The stored form of <see cref="ReferralChanged"/> (plain JSON types, stable across versions). <paramref name="WorkQueued"/>:
/// the change's <see cref="IReferralChangeWork"/> was enqueued with it. Absent (false) in what a version before that
/// wrote: its change still waits to be published, which <see cref="ReferralChangeDelivery"/> then asks for. A version
/// before it ignores the field (and publishes the change itself, once more than needed: harmless).
/// </summary>
internal sealed record OutboxPayload(Guid EventId, string PersonId, string OccurredAt, string Source, string Actor, string Action, bool WorkQueued = false)
{
    public static OutboxPayload From(ReferralChanged change) => new(
        change.EventId,
        change.PersonId,
        InstantPattern.ExtendedIso.Format(change.OccurredAt),
        change.Source.ToString(),
        change.Actor,
        change.Action,
        WorkQueued: true);

    public ReferralChanged ToEvent() => new(
        EventId,
        PersonId,
        InstantPattern.ExtendedIso.Parse(OccurredAt).GetValueOrThrow(),
        Enum.Parse<ReferralSource>(Source),
        Actor,
        Action);
}
