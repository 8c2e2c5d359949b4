using System.Net;

namespace PresenceBot.CalendarSync.Graph;

/// <summary>
/// Graph's answer to one request of a <c>$batch</c>: its status, the body when it succeeded, and Graph's error code
/// (<c>ErrorAccessDenied</c>, <c>MailboxNotEnabledForRESTAPI</c> …) when it says one.
/// </summary>
internal sealed record BatchAnswer<T>(HttpStatusCode Status, T? Body, string? ErrorCode = null)
    where T : class;
