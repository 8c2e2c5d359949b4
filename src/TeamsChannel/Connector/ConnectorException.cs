using System.Net;

namespace PresenceBot.TeamsChannel.Connector;

/// <summary>The connector answered with an error after retries; <see cref="Status"/> tells gone (403/404) from broken.</summary>
internal sealed class ConnectorException(HttpStatusCode status, string operation)
    : Exception($"The Bot Framework connector answered {(int)status} to {operation}.")
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>The user removed the app or the conversation no longer exists: retrying cannot help.</summary>
    public bool IsGone => Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound;
}
