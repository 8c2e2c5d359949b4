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
    /// <summary>Writes replaced before their answer, kept: more than a few in a row are not lost unanswered.</summary>
    public const int MaxUnconfirmed = 5;

    /// <summary>Marks a deletion under way in <see cref="Pending"/>.</summary>
    public const string Deleting = "delete";

    private const char Separator = '\n';

    public Guid ReferralId { get; set; }

    public required string PersonId { get; set; }

    public string? EventId { get; set; }

    /// <summary>Graph's change key of the version we last wrote or read; null when not known (then read before a write).</summary>
    public string? ChangeKey { get; set; }

    public string? Written { get; set; }

    public string? Pending { get; set; }

    /// <summary>
    /// Earlier writes that may have reached Graph with their answer lost (fingerprints, one a line, the newest last),
    /// replaced by a newer <see cref="Pending"/> or a delete before they were confirmed: an event saying one of them is
    /// ours too, until a write of ours is confirmed.
    /// </summary>
    public string? Unconfirmed { get; set; }

    /// <summary>
    /// Graph's <c>transactionId</c> of this event's create: the same on every retry of one create, a new one for a new
    /// create (a row dropped and written again), so Graph never answers a create with an event deleted before.
    /// </summary>
    public string? TransactionId { get; set; }

    /// <summary>When the write under way was first asked for: the start of its publish lag.</summary>
    public Instant? PendingSince { get; set; }

    public WrittenEventState State { get; set; }

    /// <summary>The event's end as last asked for: the retention rule's clock, and how far back the referral is read.</summary>
    public Instant End { get; set; }

    public Instant ChangedAt { get; set; }

    /// <summary>The versions an event of ours may say: what we wrote, what is under way and what was never confirmed.</summary>
    public IReadOnlyCollection<string> Ours => [.. new[] { Written, Pending }.OfType<string>().Where(v => v != Deleting), .. UnconfirmedVersions];

    private IEnumerable<string> UnconfirmedVersions => Unconfirmed?.Split(Separator) ?? [];

    /// <summary>
    /// Replaces the write under way with <paramref name="pending"/>, keeping the replaced one as <see cref="Unconfirmed"/>
    /// (it may have reached Graph); the lag starts anew. The oldest are let go beyond a few.
    /// </summary>
    public void Replace(string pending, Instant now)
    {
        if (Pending is { } earlier && earlier != pending && earlier != Deleting)
        {
            var kept = UnconfirmedVersions.Where(v => v != earlier && v != pending).Append(earlier).TakeLast(MaxUnconfirmed);
            Unconfirmed = string.Join(Separator, kept);
        }

        Pending = pending;
        PendingSince = now;
    }

    /// <summary>A write of ours is confirmed (or the event is no longer ours): nothing under way any more.</summary>
    public void Settle()
    {
        Pending = null;
        PendingSince = null;
        Unconfirmed = null;
    }

    public WrittenEvent ToWrittenEvent() => new(ReferralId, PersonId, EventId, Written, Pending, State) { Unconfirmed = [.. UnconfirmedVersions] };
}
