using NodaTime;

namespace PresenceBot.Publishing.TeamsStatus;

/// <summary>
/// The status message PresenceBot set for a person (<c>publish_status_messages</c>), so it can tell its own message
/// from one the person wrote: only a message equal to this one is ever replaced or cleared. Deleted when cleared.
/// </summary>
internal sealed class StatusMessageRow
{
    public required string PersonId { get; set; }

    /// <summary>The message as last set (null before the first set went through).</summary>
    public string? Text { get; set; }

    /// <summary>A message about to be set: recorded first, so a crash in between still knows it for ours.</summary>
    public string? Pending { get; set; }

    public bool IsOurs(string text) => text == Text || text == Pending;

    public Instant SetAt { get; set; }
}
