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

    public IReadOnlyList<string> Lines { get; init; } = [];

    /// <summary>The status now, as the person sees it (their own word for the reason, "sjuk" included).</summary>
    public static ReferralView Of(EffectiveStatus status, string heading) => status.Segment is { Referral: { } referral } segment
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
