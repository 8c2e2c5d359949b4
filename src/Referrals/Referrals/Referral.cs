using NodaTime;

namespace PresenceBot.Referrals.Referrals;

/// <summary>
/// A hänvisning: why a person can't answer from <see cref="Start"/> and when they are back.
/// It can't exist without a return time after its start; "tillbaka" ends it early by setting
/// <see cref="EndedAt"/> while the booked return time is kept for the audit trail.
/// </summary>
public sealed record Referral
{
    public Referral(
        Guid id,
        string personId,
        Reason reason,
        Instant start,
        Instant returnsAt,
        PhoneState phone,
        ReferralSource source,
        string? note = null,
        string? externalKey = null,
        Instant? endedAt = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        if (returnsAt <= start)
        {
            throw new ReferralRuleException("until", $"A referral must return after it starts ({start} → {returnsAt}).");
        }

        Id = id;
        PersonId = personId;
        Reason = reason;
        Start = start;
        ReturnsAt = returnsAt;
        Phone = phone;
        Source = source;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        ExternalKey = externalKey;
        EndedAt = endedAt;
    }

    public Guid Id { get; init; }

    public string PersonId { get; init; }

    public Reason Reason { get; init; }

    public Instant Start { get; init; }

    /// <summary>The booked return time (already moved to a working morning where needed).</summary>
    public Instant ReturnsAt { get; init; }

    public PhoneState Phone { get; init; }

    public ReferralSource Source { get; init; }

    public string? Note { get; init; }

    /// <summary>The source's own key (a calendar event id) so repeated deliveries update instead of duplicating.</summary>
    public string? ExternalKey { get; init; }

    /// <summary>Set when the person came back early ("tillbaka").</summary>
    public Instant? EndedAt { get; init; }

    /// <summary>When the referral actually stops being in force.</summary>
    public Instant EffectiveEnd => EndedAt is { } ended && ended < ReturnsAt ? Max(ended, Start) : ReturnsAt;

    /// <summary>Manual and switchboard referrals override the calendar for their period (rule 7).</summary>
    public bool OverridesCalendar => Source != ReferralSource.Calendar;

    public bool IsInForceAt(Instant instant) => Start <= instant && instant < EffectiveEnd;

    /// <summary>Whether two referrals say the same thing to callers and the switchboard.</summary>
    public bool SaysSameAs(Referral other) =>
        Reason == other.Reason && Start == other.Start && ReturnsAt == other.ReturnsAt && Phone == other.Phone
        && Note == other.Note && EndedAt == other.EndedAt;

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
}
