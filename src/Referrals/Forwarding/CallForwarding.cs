using NodaTime;
using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Referrals.Forwarding;

/// <summary>
/// A vidarekoppling: calls to the person go to a colleague (<see cref="TargetId"/>) from <see cref="From"/> until
/// <see cref="Until"/>. It ends by itself when its time ends, and "tillbaka" ends it early (the service clears it).
/// </summary>
public sealed record CallForwarding
{
    public CallForwarding(string targetId, Instant from, Instant until, Instant setAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetId);
        if (until <= from)
        {
            throw new ReferralRuleException("until", "Vidarekopplingen måste sluta efter att den börjar.");
        }

        TargetId = targetId;
        From = from;
        Until = until;
        SetAt = setAt;
    }

    /// <summary>The colleague's person id.</summary>
    public string TargetId { get; init; }

    public Instant From { get; init; }

    public Instant Until { get; init; }

    /// <summary>When it was set; with the person it names the forwarding (the once-only key of its notices).</summary>
    public Instant SetAt { get; init; }

    public Interval Period => new(From, Until);

    public bool IsInForceAt(Instant instant) => From <= instant && instant < Until;
}
