using PresenceBot.GraphStandIn.Calendars;

namespace PresenceBot.GraphStandIn.Presence;

/// <summary>
/// A Teams status message as set, in order: what Graph's <c>presenceStatusMessage</c> shows, plus when it expires as
/// an instant and who set it. An empty <see cref="Content"/> is a clearing.
/// </summary>
public sealed record StatusMessage(
    string Content,
    string ContentType,
    DateTimeTimeZone? ExpiryDateTime,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset PublishedDateTime,
    StatusMessageAuthor SetBy)
{
    public bool IsCleared => Content.Length == 0;
}
