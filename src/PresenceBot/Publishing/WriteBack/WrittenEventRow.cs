using NodaTime;
using PresenceBot.CalendarSync.WriteBack;

namespace PresenceBot.Publishing.WriteBack;

/// <summary>
/// The Outlook event written for one manual referral (<c>publish_written_events</c>): Graph's event id and the change
/// key of the version we last wrote, the fingerprint of what was last written and of a write under way, and whether it
/// is still ours. Recorded before each write, so a crash in between still knows the event for ours. No subject beyond
/// the code and reason word.
/// </summary>
internal sealed class WrittenEventRow
{
    public Guid ReferralId { get; set; }

    public required string PersonId { get; set; }

    public string? EventId { get; set; }

    /// <summary>Graph's change key of the version we last wrote or read; null when not known (then read before a write).</summary>
    public string? ChangeKey { get; set; }

    public string? Written { get; set; }

    public string? Pending { get; set; }

    /// <summary>When the write under way was first asked for: the start of its publish lag.</summary>
    public Instant? PendingSince { get; set; }

    public WrittenEventState State { get; set; }

    /// <summary>The event's end as last asked for: the retention rule's clock, and how far back the referral is read.</summary>
    public Instant End { get; set; }

    public Instant ChangedAt { get; set; }

    public WrittenEvent ToWrittenEvent() => new(ReferralId, PersonId, EventId, Written, Pending, State);
}
