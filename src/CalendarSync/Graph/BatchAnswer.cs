using System.Net;

namespace PresenceBot.CalendarSync.Graph;

/// <summary>Graph's answer to one request of a <c>$batch</c>: its status, and the body when it succeeded.</summary>
internal sealed record BatchAnswer<T>(HttpStatusCode Status, T? Body)
    where T : class;
