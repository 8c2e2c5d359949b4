using NodaTime;
using NodaTime.Text;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Service;

namespace PresenceBot.Outbox;

/// <summary>The stored form of <see cref="ReferralChanged"/> (plain JSON types, stable across versions).</summary>
internal sealed record OutboxPayload(Guid EventId, string PersonId, string OccurredAt, string Source, string Actor, string Action)
{
    public static OutboxPayload From(ReferralChanged change) => new(
        change.EventId,
        change.PersonId,
        InstantPattern.ExtendedIso.Format(change.OccurredAt),
        change.Source.ToString(),
        change.Actor,
        change.Action);

    public ReferralChanged ToEvent() => new(
        EventId,
        PersonId,
        InstantPattern.ExtendedIso.Parse(OccurredAt).GetValueOrThrow(),
        Enum.Parse<ReferralSource>(Source),
        Actor,
        Action);
}
