using NodaTime;
using PresenceBot.Referrals.Forwarding;
using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Referrals.Service;

/// <summary>
/// A manual (bot) or switchboard referral. <see cref="Until"/> is nullable because callers may omit
/// it, and the service must say so rather than invent one (rule 6).
/// </summary>
public sealed record SetReferral
{
    public required string PersonId { get; init; }

    public required Reason Reason { get; init; }

    public required Instant? Until { get; init; }

    /// <summary>Null means now.</summary>
    public Instant? From { get; init; }

    /// <summary>Null means the reason's default (open for remote work, else closed).</summary>
    public PhoneState? Phone { get; init; }

    public string? Note { get; init; }

    public required ReferralSource Source { get; init; }

    public required string Actor { get; init; }

    /// <summary>
    /// A forwarding to store with the referral, in the same change set (one transaction): both or neither. The caller
    /// checks the colleague's timeline first (<see cref="ForwardingService"/>); the service refuses a forwarding to the
    /// person themselves, to someone unknown or to a time that has passed before anything is stored.
    /// </summary>
    public CallForwarding? Forwarding { get; init; }
}
