using NodaTime;

namespace PresenceBot.Storage.Rows;

/// <summary>
/// A reminder or alert claimed for sending. The unique (kind, recipient, subject, slot) key is the once-only guard:
/// the instance whose insert succeeds sends; any other (a second instance, a retry after restart) finds it taken.
/// </summary>
internal sealed class SentReminderRow
{
    public Guid Id { get; set; }

    public required string Kind { get; set; }

    public required string RecipientId { get; set; }

    public required string Subject { get; set; }

    public required string Slot { get; set; }

    public Instant ClaimedAt { get; set; }
}
