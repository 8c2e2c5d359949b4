using NodaTime;
using PresenceBot.Referrals.Forwarding;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Timeline;

namespace PresenceBot.Referrals.Service;

/// <summary>
/// A person's status at one instant, what callers hear (null when available), and the colleague calls are forwarded to
/// (with the forwarding) when one is in force.
/// </summary>
public sealed record EffectiveStatus(
    Person Person, Instant At, TimelineSegment? Segment, string? Talsvar, Person? ForwardedTo = null, CallForwarding? Forwarding = null)
{
    public bool IsReferred => Segment?.Referral is not null;

    /// <summary>The reason others may see: sick is disclosed as away.</summary>
    public Reason? DisclosedReason => Segment?.Referral is { } referral ? ReasonCatalog.Disclosed(referral.Reason) : null;
}
