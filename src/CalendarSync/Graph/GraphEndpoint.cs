namespace PresenceBot.CalendarSync.Graph;

/// <summary>
/// The Graph base URL in use. Set once at start: either from <c>Graph:BaseUrl</c> or, on the embedded
/// defaults, from the local stand-in after it has found a free port.
/// </summary>
public sealed class GraphEndpoint
{
    private Uri? _baseUrl;

    public Uri BaseUrl => _baseUrl ?? throw new InvalidOperationException("The Graph endpoint is not known yet; the stand-in has not started.");

    public void Use(Uri baseUrl) => _baseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
}
