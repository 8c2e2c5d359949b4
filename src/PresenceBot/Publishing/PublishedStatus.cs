using PresenceBot.Switchboard;

namespace PresenceBot.Publishing;

/// <summary>
/// What every publisher tells the outside world about a person: the status the switchboard API shows (sick already
/// disclosed as away), minus the note, which stays in our own API. <see cref="Sequence"/> grows per person, so a
/// receiver can drop anything older than what it has; <see cref="EventId"/> is the same for every delivery of one
/// state, so a receiver can drop a repeat. <see cref="ForwardTo"/> names the colleague calls are forwarded to.
/// </summary>
public sealed record PublishedStatus(
    Guid EventId,
    long Sequence,
    DateTimeOffset OccurredAt,
    PersonResponse Person,
    string State,
    string? Reason,
    string? ReasonText,
    string Phone,
    DateTimeOffset? From,
    DateTimeOffset? ReturnsAt,
    string? Talsvar,
    string? Source,
    ForwardToResponse? ForwardTo)
{
    public static PublishedStatus Of(ReferralStatusResponse status, string destination, long sequence, DateTimeOffset occurredAt)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new PublishedStatus(
            EventIdOf(destination, status.Person.Id, sequence),
            sequence,
            occurredAt,
            status.Person,
            status.State,
            status.Reason,
            status.ReasonText,
            status.Phone,
            status.From,
            status.ReturnsAt,
            status.Talsvar,
            status.Source,
            status.ForwardTo);
    }

    /// <summary>A name-based id (destination, person, sequence): every retry of one message carries the same event id.</summary>
    public static Guid EventIdOf(string destination, string personId, long sequence)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{destination}\n{personId}\n{sequence}"));
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes.AsSpan(0, 16));
    }
}
