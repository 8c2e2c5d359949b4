using System.Net;

namespace PresenceBot.TeamsChannel.Connector;

/// <summary>The connector answered with an error after retries; <see cref="Status"/> tells gone (403/404) from broken.</summary>
internal sealed class ConnectorException(HttpStatusCode status, string operation)
    : Exception($"The Bot Framework connector answered {(int)status} to {operation}.")
{
    /// <summary>Not an answer of the connector: the request was not sent because its service URL is not trusted.</summary>
    public const HttpStatusCode UntrustedStatus = HttpStatusCode.MisdirectedRequest;

    public HttpStatusCode Status { get; } = status;

    public bool IsUntrusted => Status == UntrustedStatus;

    /// <summary>The user removed the app or the conversation no longer exists: retrying cannot help.</summary>
    public bool IsGone => Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound;
}
