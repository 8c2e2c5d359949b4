using NodaTime;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Service;

namespace PresenceBot.Bot.Conversation;

/// <summary>What a referral card shows: a heading, what callers hear, when it ends, and the status it was drawn from.</summary>
internal sealed record ReferralView
{
    public required string Heading { get; init; }

    public required string Version { get; init; }

    public string? Notice { get; init; }

    public string? Talsvar { get; init; }

    public Reason? Reason { get; init; }

    public Instant? ReturnsAt { get; init; }

    public PhoneState? Phone { get; init; }

    public string? Note { get; init; }

    /// <summary>The colleague calls are forwarded to, while a forwarding is in force, and until when.</summary>
    public string? ForwardedTo { get; init; }

    public Instant? ForwardUntil { get; init; }

    public IReadOnlyList<string> Lines { get; init; } = [];

    /// <summary>The status now, as the person sees it (their own word for the reason, "sjuk" included).</summary>
    public static ReferralView Of(EffectiveStatus status, string heading) => WithForwarding(status, OfReferral(status, heading));

    private static ReferralView WithForwarding(EffectiveStatus status, ReferralView view) =>
        view with { ForwardedTo = status.ForwardedTo?.Name, ForwardUntil = status.ForwardedTo is null ? null : status.Forwarding?.Until };

    private static ReferralView OfReferral(EffectiveStatus status, string heading) => status.Segment is { Referral: { } referral } segment
        ? new ReferralView
        {
            Heading = heading,
            Version = StatusVersion.Of(status),
            Talsvar = status.Talsvar,
            Reason = referral.Reason,
            ReturnsAt = segment.ReturnsAt,
            Phone = referral.Phone,
            Note = referral.Note,
        }
        : new ReferralView { Heading = heading, Version = StatusVersion.Of(status) };
}
